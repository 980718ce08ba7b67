import { protocol } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { concat } from "../../src/db/pglite-thread.ts";
import { executionBatch, firstColumns } from "../../src/db/read-wire.ts";

const wire = protocol.serialize;

/** A backend message: type, length, body. */
function message(type: string, body: number[] = []): number[] {
  const length = body.length + 4;
  return [
    type.charCodeAt(0),
    length >>> 24,
    (length >>> 16) & 255,
    (length >>> 8) & 255,
    length & 255,
    ...body,
  ];
}
const int32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const dataRow = (...fields: (string | null)[]) =>
  message("D", [
    0,
    fields.length,
    ...fields.flatMap((field) => {
      if (field === null) return int32(-1);
      const bytes = [...new TextEncoder().encode(field)];
      return [...int32(bytes.length), ...bytes];
    }),
  ]);
const bindComplete = message("2");
const commandComplete = message("C", [...new TextEncoder().encode("SELECT 1"), 0]);
const ready = message("Z", ["I".charCodeAt(0)]);

describe("prepared reads on the wire", () => {
  it("writes the bind, execute and sync PGlite's own serializer writes", () => {
    const executions = [
      { statement: "settings", params: [] },
      { statement: "account_lookup", params: ["zürich précision", null, "", "20"] },
    ];
    const expected = concat([
      ...executions.flatMap(({ statement, params }) => [
        wire.bind({ statement, values: [...params] }),
        wire.execute({}),
      ]),
      wire.sync(),
    ]);
    expect(executionBatch(executions)).toEqual(expected);
  });

  it("reads the first column of the rows of the execution asked for, and of no other", () => {
    const answer = new Uint8Array([
      ...bindComplete,
      ...dataRow("settings row"),
      ...commandComplete,
      ...bindComplete,
      ...dataRow('{"name":"Zürich"}', "second column"),
      ...dataRow(null),
      ...commandComplete,
      ...ready,
    ]);
    expect(firstColumns(answer, 1)).toEqual(['{"name":"Zürich"}', null]);
    expect(firstColumns(answer, 0)).toEqual(["settings row"]);
    expect(firstColumns(new Uint8Array([...bindComplete, ...bindComplete, ...commandComplete]), 1)).toEqual(
      [],
    );
  });

  it("leaves an answer that holds an error to PGlite's parser", () => {
    const error = message("E", [..."SERROR".split("").map((c) => c.charCodeAt(0)), 0, 0]);
    expect(firstColumns(new Uint8Array([...bindComplete, ...error, ...ready]), 1)).toBeUndefined();
  });
});
