import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type AccountColumn, formatProblem, parseAccountsCsv } from "../../src/domain/accounts-csv.ts";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Account = Partial<Record<AccountColumn, string>>;
const ourColumns: AccountColumn[] = [
  "external_id",
  "name",
  "owner",
  "arr",
  "contract_start",
  "renewal_date",
  "segment",
  "stage",
  "plan",
  "seats_purchased",
  "digest_channel",
];
const acme: Account = {
  external_id: "ACC-001",
  name: "Acme Corporation",
  owner: "UMARIA001",
  arr: "120000",
  contract_start: "2026-01-10",
  renewal_date: "2027-01-10",
  segment: "enterprise",
  stage: "adoption",
  plan: "Enterprise Plus",
  seats_purchased: "250",
  digest_channel: "C0DIGEST1",
};

const quoted = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
/** An export in our own column names: Acme, changed as each account says. */
function exportOf(...accounts: Account[]): string {
  const lines = accounts.map((account) =>
    ourColumns.map((column) => quoted({ ...acme, ...account }[column] ?? "")),
  );
  return [ourColumns, ...lines].map((cells) => cells.join(",")).join("\n");
}
const problemsIn = (input: string | Buffer) => parseAccountsCsv(input).problems.map(formatProblem);

describe("reading a CRM accounts export", () => {
  it("reads an export in our own column names into account rows", () => {
    const parsed = parseAccountsCsv(
      exportOf({ arr: "$120,000.50", segment: "Mid Market", stage: "Value Realization" }),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.columns).toEqual(ourColumns);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        externalId: "ACC-001",
        name: "Acme Corporation",
        owner: { kind: "slack", id: "UMARIA001" },
        arr: "120000.50",
        arrDate: null,
        contractStart: day("2026-01-10"),
        renewalDate: day("2027-01-10"),
        segment: "mid_market",
        stage: "value_realization",
        plan: "Enterprise Plus",
        seatsPurchased: 250,
        digestChannel: "C0DIGEST1",
      },
    ]);
  });

  it("reads a Salesforce report export, leaving Annual Revenue and other extra columns alone", () => {
    const parsed = parseAccountsCsv(fixture("accounts-salesforce.csv"));
    expect(parsed.problems).toEqual([]);
    expect(parsed.columns).toEqual(ourColumns);
    expect(parsed.rows.map((row) => [row.line, row.name, row.arr])).toEqual([
      [2, "Acme Corporation", "120000.50"],
      [3, "Globex Industries", "48000.00"],
      [4, "Initech, Inc.", "9600.00"],
      [7, "Umbrella Health", "215000.00"],
      [8, "Stark Logistics", "72500.00"],
      [9, "Wayne Biotech", null],
      [10, "Soylent Foods", "18000.00"],
      [11, "Hooli", "1250000.00"],
    ]);
    expect(parsed.rows[0]).toMatchObject({
      externalId: "0015g00000AbCdEAAV",
      owner: { kind: "email", email: "maria.lopez@northwind-cs.com" },
      segment: "enterprise",
      stage: "adoption",
      plan: "Enterprise Plus",
      digestChannel: "C0DIGEST1",
    });
    expect(parsed.rows.find((row) => row.name === "Hooli")?.seatsPurchased).toBe(2500);
    expect(parsed.rows.find((row) => row.name === "Soylent Foods")).toMatchObject({
      owner: null,
      digestChannel: null,
    });
    expect(parsed.rows.find((row) => row.name === "Wayne Biotech")).toMatchObject({
      contractStart: null,
      renewalDate: null,
      stage: null,
      seatsPurchased: null,
    });
  });

  it("reads a HubSpot companies export, whose marketing lifecycle stage says nothing about the contract", () => {
    const hubspot = [
      "Record ID,Company name,Company owner,Annual Recurring Revenue,Lifecycle Stage,Create Date,Annual Revenue",
      "9023311,Acme Corporation,maria@example.com,120000,Customer,2025-11-02 10:14,50000000",
      "9023312,Globex Industries,jo@example.com,48000,adoption,2025-12-01 09:00,",
    ].join("\n");
    const parsed = parseAccountsCsv(hubspot);
    expect(parsed.problems).toEqual([]);
    expect(parsed.columns).toEqual(["external_id", "name", "owner", "arr", "stage"]);
    expect(parsed.rows.map((row) => [row.externalId, row.owner, row.arr, row.stage])).toEqual([
      ["9023311", { kind: "email", email: "maria@example.com" }, "120000.00", null],
      ["9023312", { kind: "email", email: "jo@example.com" }, "48000.00", "adoption"],
    ]);
    expect(parsed.rows[0]?.digestChannel).toBeUndefined();
  });

  it("reads an Excel 'CSV UTF-8' file: a byte-order mark and CRLF line endings", () => {
    const text =
      "Account ID,Account Name,ARR\r\nACC-001,Zürich Précision AG,1200\r\nACC-002,Globex,48000\r\n";
    const parsed = parseAccountsCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(parsed.problems).toEqual([]);
    expect(parsed.columns).toEqual(["external_id", "name", "arr"]);
    expect(parsed.rows.map((row) => [row.line, row.externalId, row.name])).toEqual([
      [2, "ACC-001", "Zürich Précision AG"],
      [3, "ACC-002", "Globex"],
    ]);
  });

  it("reads Excel's plain 'CSV', which is Windows-1252", () => {
    const windows1252 = Buffer.from(
      "Account ID,Account Name\r\nACC-001,Z\xfcrich Pr\xe9cision AG \x96 EMEA\r\n",
      "latin1",
    );
    expect(parseAccountsCsv(windows1252).rows[0]?.name).toBe("Zürich Précision AG – EMEA");
  });

  it("reads the semicolon-separated CSV of European Excel, but not its decimal commas", () => {
    const text = 'Account ID;Account Name;ARR\nACC-001;Stark, Logistics;48000\nACC-002;Globex;"1 200,00"\n';
    const parsed = parseAccountsCsv(text);
    expect(parsed.rows.map((row) => [row.name, row.arr])).toEqual([["Stark, Logistics", "48000.00"]]);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'line 3, column arr: "1 200,00" has a decimal comma; write 1200.00, with commas only between thousands',
    ]);
  });

  it("gives each account the spreadsheet line it starts on, across quoted commas and newlines", () => {
    const text = [
      "external_id,name,plan,owner",
      'ACC-001,"Initech, Inc.","Starter,',
      "",
      'legacy add-on",UJOPARK01',
      'ACC-002,"Wayne ""Bio"" Tech",Growth,UJOPARK01',
      'ACC-003,Hooli,"Enterprise',
      'Plus",not-an-owner',
    ].join("\r\n");
    const parsed = parseAccountsCsv(text);
    expect(parsed.rows.map((row) => [row.line, row.name, row.plan])).toEqual([
      [2, "Initech, Inc.", "Starter,\n\nlegacy add-on"],
      [5, 'Wayne "Bio" Tech', "Growth"],
    ]);
    expect(problemsIn(text)).toEqual([
      'line 6, column owner: "not-an-owner" is neither a Slack user id (like U0123ABCD) nor an email address',
    ]);
  });

  it("skips blank lines and rows of empty cells, keeping the line numbers of the rest", () => {
    const text = ["external_id,name", "", "ACC-001,Acme", ",", "  ,  ", "ACC-002,Globex", ""].join("\n");
    expect(parseAccountsCsv(text).rows.map((row) => [row.line, row.externalId])).toEqual([
      [3, "ACC-001"],
      [6, "ACC-002"],
    ]);
  });

  it("reports a row whose values do not line up with the header, and reads the others", () => {
    const text = [
      "external_id,name,owner",
      "ACC-001,Stark, Logistics,UJOPARK01",
      "ACC-002,Globex",
      "ACC-003,Hooli,",
    ].join("\n");
    const parsed = parseAccountsCsv(text);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'line 2: has 4 values but the header has 3 columns (a value with a comma needs "quotes")',
      "line 3: has 2 values but the header has 3 columns",
    ]);
    expect(parsed.rows.map((row) => row.externalId)).toEqual(["ACC-003"]);
  });

  it("accepts rows without values for trailing unnamed header cells", () => {
    expect(parseAccountsCsv("external_id,name,,\nACC-001,Acme\nACC-002,Globex,,\n").problems).toEqual([]);
  });

  it("reports a quote that is never closed at the line it opens", () => {
    const text = ["external_id,name", "ACC-001,Acme", "", 'ACC-002,"Globex', "ACC-003,Hooli"].join("\n");
    expect(problemsIn(text)).toEqual([
      "line 4: a quoted value starts on this line and is never closed; nothing after it could be read",
    ]);
  });

  it("says so when the file is empty", () => {
    expect(problemsIn("")).toEqual(["line 1: the file is empty"]);
    expect(problemsIn("\ufeff\r\n\r\n")).toEqual(["line 1: the file is empty"]);
  });
});

describe("the header", () => {
  it("matches names whatever their case, spaces, underscores and hyphens", () => {
    const parsed = parseAccountsCsv(
      "ACCOUNT_ID, account-name ,Seats-Purchased,digestchannel,Contract End\nA1,Acme,10,,2027-01-01",
    );
    expect(parsed.columns).toEqual([
      "external_id",
      "name",
      "seats_purchased",
      "digest_channel",
      "renewal_date",
    ]);
    expect(parsed.rows[0]).toMatchObject({
      seatsPurchased: 10,
      digestChannel: null,
      renewalDate: day("2027-01-01"),
    });
  });

  it("names a missing required column and lists the headers it found", () => {
    expect(problemsIn("Account Name,Owner,ARR\nAcme,UMARIA001,1200")).toEqual([
      "line 1, column external_id: no external_id column (also read from: Account ID, Record ID, Company ID, Id, " +
        "External ID, CRM ID); the header has: Account Name, Owner, ARR",
    ]);
  });

  it("does not take Annual Revenue for ARR, nor Close Date for the contract start", () => {
    const parsed = parseAccountsCsv("Id,Name,Annual Revenue,Close Date\nA1,Acme,50000000,2026-01-01");
    expect(parsed.columns).toEqual(["external_id", "name"]);
    expect(parsed.rows[0]).toMatchObject({ arr: null, contractStart: null });
  });

  it("refuses two headers that mean the same column", () => {
    expect(
      problemsIn("Account ID,Account Name,Account Owner,Owner Email\nA1,Acme,UMARIA001,maria@example.com"),
    ).toEqual([
      'line 1, column owner: "Account Owner" and "Owner Email" are both read as owner; keep one of them',
    ]);
  });
});

describe("each value of a row", () => {
  it("reads an owner as a Slack user id or an email, and rejects a person's name", () => {
    const parsed = parseAccountsCsv(
      exportOf({ owner: "W0ENTERPRISE1" }, { external_id: "ACC-002", owner: "Maria.Lopez@Example.com" }),
    );
    expect(parsed.rows.map((row) => row.owner)).toEqual([
      { kind: "slack", id: "W0ENTERPRISE1" },
      { kind: "email", email: "maria.lopez@example.com" },
    ]);
  });

  it("reads segments and stages as CRMs spell them", () => {
    const spellings = ["Enterprise", "mid-market", "Mid Market", "mid_market", "SMB"].map((segment, n) => ({
      external_id: `ACC-${n}`,
      segment,
      stage: ["onboarding", "Value Realization", "value-realization", "EXPANSION", "renewal"][n],
    }));
    const rows = parseAccountsCsv(exportOf(...spellings)).rows;
    expect(rows.map((row) => row.segment)).toEqual([
      "enterprise",
      "mid_market",
      "mid_market",
      "mid_market",
      "smb",
    ]);
    expect(rows.map((row) => row.stage)).toEqual([
      "onboarding",
      "value_realization",
      "value_realization",
      "expansion",
      "renewal",
    ]);
  });

  it("takes the date part of a timestamp", () => {
    const [row] = parseAccountsCsv(
      exportOf({ contract_start: "2026-01-10T00:00:00Z", renewal_date: "2027-01-10 09:30" }),
    ).rows;
    expect(row).toMatchObject({ contractStart: day("2026-01-10"), renewalDate: day("2027-01-10") });
  });

  it("leaves blank optional cells empty, and keeps a blank digest channel as a direct message", () => {
    const blanks = {
      owner: "",
      arr: "",
      contract_start: "",
      renewal_date: "",
      segment: "",
      stage: "",
      plan: "",
      seats_purchased: "",
      digest_channel: "",
    };
    expect(parseAccountsCsv(exportOf(blanks)).rows[0]).toEqual({
      line: 2,
      externalId: "ACC-001",
      name: "Acme Corporation",
      owner: null,
      arr: null,
      arrDate: null,
      contractStart: null,
      renewalDate: null,
      segment: null,
      stage: null,
      plan: null,
      seatsPurchased: null,
      digestChannel: null,
    });
  });

  it.each([
    ["external_id", "", "the CRM id is blank"],
    ["external_id", "X".repeat(256), "is 256 characters long; at most 255 fit"],
    ["name", "   ", "the account name is blank"],
    [
      "owner",
      "Maria Lopez",
      '"Maria Lopez" is neither a Slack user id (like U0123ABCD) nor an email address',
    ],
    ["arr", "1.5k", '"1.5k" is abbreviated; write the full amount in dollars'],
    ["arr", "-2500", 'ARR cannot be negative ("-2500")'],
    ["contract_start", "03/04/2026", '"03/04/2026" is not a date in the form YYYY-MM-DD (like 2026-03-31)'],
    ["contract_start", "0026-01-10", "0026 is not a plausible year (1900 to 2200)"],
    ["contract_start", "9999-12-31", "9999 is not a plausible year (1900 to 2200)"],
    ["name", "Ac\u0000me", "contains a NUL character (U+0000) at character 3; remove it"],
    ["plan", "Gro\u0007wth", "contains a control character (U+0007) at character 4; remove it"],
    ["renewal_date", "2026-02-30", "2026-02-30 is not a real date"],
    ["renewal_date", "2025-06-01", "2025-06-01 is not after the contract start 2026-01-10"],
    ["segment", "Strategic", '"Strategic" is not a segment; use enterprise, mid-market or smb'],
    [
      "stage",
      "churned",
      '"churned" is not a lifecycle stage; use one of onboarding, adoption, value_realization, expansion, renewal',
    ],
    ["plan", "P".repeat(300), "is 300 characters long; at most 255 fit"],
    ["seats_purchased", "0", "seats purchased must be at least 1 (leave it blank when unknown)"],
    ["seats_purchased", "2.5", '"2.5" is not a whole number of seats'],
    [
      "digest_channel",
      "#cs-digest",
      `"#cs-digest" (a channel name) is not a Slack channel id; copy the id (like C0123ABCD) from the channel's details`,
    ],
  ] as const)("reports a bad %s (%j)", (column, value, reason) => {
    expect(parseAccountsCsv(exportOf({ [column]: value })).problems).toEqual([{ line: 2, column, reason }]);
  });

  it("reports a CRM id seen twice on the second line, naming the first", () => {
    const text = exportOf(
      { external_id: "ACC-001" },
      { external_id: "ACC-002" },
      { external_id: "ACC-001", name: "Acme again" },
    );
    const parsed = parseAccountsCsv(text);
    expect(parsed.problems.map(formatProblem)).toEqual(["line 4, column external_id: duplicate of line 2"]);
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 3]);
  });

  it("reports an owner whose rows send the digest to different places, on the later row", () => {
    const text = exportOf(
      { external_id: "ACC-001", digest_channel: "C0DIGEST1" },
      { external_id: "ACC-002", digest_channel: "C0DIGEST1" },
      { external_id: "ACC-003", digest_channel: "C0OTHER99" },
      { external_id: "ACC-004", owner: "jo@example.com", digest_channel: "" },
      { external_id: "ACC-005", owner: "JO@example.com", digest_channel: "C0JO00001" },
    );
    expect(problemsIn(text)).toEqual([
      "line 4, column digest_channel: UMARIA001 gets one digest, but line 2 sends it to C0DIGEST1",
      "line 6, column digest_channel: jo@example.com gets one digest, but line 5 sends it to a direct message (blank)",
    ]);
  });

  it("reports every problem of every row of a bad export, in line and column order", () => {
    const parsed = parseAccountsCsv(fixture("accounts-bad.csv"));
    expect(parsed.problems.map(formatProblem)).toEqual([
      'line 3, column owner: "Maria Lopez" is neither a Slack user id (like U0123ABCD) nor an email address',
      'line 3, column arr: "1.5k" is abbreviated; write the full amount in dollars',
      'line 4, column contract_start: "03/04/2026" is not a date in the form YYYY-MM-DD (like 2026-03-31)',
      "line 4, column renewal_date: 2026-02-30 is not a real date",
      "line 5, column external_id: duplicate of line 2",
      "line 6, column name: the account name is blank",
      'line 6, column arr: ARR cannot be negative ("-2500")',
      "line 6, column renewal_date: 2025-05-01 is not after the contract start 2026-05-01",
      'line 6, column segment: "strategic" is not a segment; use enterprise, mid-market or smb',
      'line 6, column stage: "churned" is not a lifecycle stage; use one of onboarding, adoption, value_realization, expansion, renewal',
      "line 6, column seats_purchased: seats purchased must be at least 1 (leave it blank when unknown)",
      `line 6, column digest_channel: "#cs-digest" (a channel name) is not a Slack channel id; copy the id (like C0123ABCD) from the channel's details`,
      "line 7, column digest_channel: UMARIA001 gets one digest, but line 2 sends it to C0DIGEST1",
      'line 8: has 11 values but the header has 10 columns (a value with a comma needs "quotes")',
      'line 9, column arr: "1250000.505" has more than 2 decimals; ARR is in dollars and cents',
      'line 9, column seats_purchased: "2.5" is not a whole number of seats',
    ]);
    expect(parsed.rows.map((row) => row.externalId)).toEqual(["ACC-100"]);
  });
});
