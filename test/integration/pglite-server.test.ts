// The embedded database's socket, as several connections use it at once: each gets the answers to its
// own statements, however their messages interleave, and a transaction stays its connection's alone.
import { connect, type Socket } from "node:net";
import path from "node:path";
import { protocol } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PGliteServer, socketPort, startPGliteServer } from "../../src/db/pglite-server.ts";

describe.runIf(process.env.CSM_TEST_ENGINE !== "postgres")("the embedded database's socket", () => {
  let server: PGliteServer;
  let pool: pg.Pool;
  beforeAll(async () => {
    server = await startPGliteServer(null);
    pool = new pg.Pool({
      host: server.socketDir,
      port: socketPort,
      user: "postgres",
      database: "postgres",
      max: 6,
    });
  });
  afterAll(async () => {
    await pool?.end();
    await server?.close();
  });

  it("keeps one connection's Parse and Bind together while another connection's statement arrives between them", async () => {
    const first = await rawConnection(server.socketDir);
    const second = await rawConnection(server.socketDir);
    try {
      // The first connection's Parse arrives alone; the second connection's whole statement, of another
      // shape, arrives before the first's Bind. Sharing one session, the second's Parse would replace
      // the unnamed statement the first then binds.
      first.send(wire.parse({ text: "SELECT $1::int + 1 AS n" }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const secondAnswer = second.statement("SELECT $1::text || $2::text AS s", ["a", "b"]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const firstAnswer = first.finish(["41"]);
      expect(await firstAnswer).toEqual({ error: null, value: "42" });
      expect(await secondAnswer).toEqual({ error: null, value: "ab" });
    } finally {
      first.end();
      second.end();
    }
  });

  it("keeps a transaction to its connection: others wait, and see its rows only once it commits", async () => {
    await pool.query("CREATE TABLE IF NOT EXISTS note (body text)");
    const writer = await pool.connect();
    try {
      await writer.query("BEGIN");
      await writer.query("INSERT INTO note VALUES ($1)", ["draft"]);
      const reading = pool.query("SELECT count(*)::int AS n FROM note");
      await new Promise((resolve) => setTimeout(resolve, 100));
      await writer.query("COMMIT");
      expect((await reading).rows[0].n).toBe(1);
    } finally {
      writer.release();
    }
  });

  it("rolls back what a connection that goes away left open, and serves the others on", async () => {
    const leaving = new pg.Client({
      host: server.socketDir,
      port: socketPort,
      user: "postgres",
      database: "postgres",
    });
    await leaving.connect();
    await leaving.query("BEGIN");
    await leaving.query("INSERT INTO note VALUES ('abandoned')");
    await leaving.end();
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM note WHERE body = 'abandoned'");
    expect(rows[0].n).toBe(0);
  });
});

const wire = protocol.serialize;

/** A PostgreSQL connection spoken to message by message, to control what reaches the socket when. */
async function rawConnection(socketDir: string) {
  const socket: Socket = connect(path.join(socketDir, `.s.PGSQL.${socketPort}`));
  let received = Buffer.alloc(0);
  let waiting: (() => void) | null = null;
  socket.on("data", (chunk) => {
    received = Buffer.concat([received, chunk]);
    waiting?.();
  });
  /** Every message up to the next ReadyForQuery: the first error's text and the first column's value. */
  const untilReady = async () => {
    for (;;) {
      let offset = 0;
      let error: string | null = null;
      let value: string | null = null;
      while (offset + 5 <= received.length) {
        const type = String.fromCharCode(received[offset] as number);
        const length = received.readInt32BE(offset + 1);
        if (offset + 1 + length > received.length) break;
        const body = received.subarray(offset + 5, offset + 1 + length);
        if (type === "E") error ??= body.toString("utf8").replace(/\0/g, " ");
        if (type === "D" && value === null)
          value = body.subarray(6, 6 + body.readInt32BE(2)).toString("utf8");
        offset += 1 + length;
        if (type === "Z") {
          received = received.subarray(offset);
          return { error, value };
        }
      }
      await new Promise<void>((resolve) => {
        waiting = resolve;
      });
    }
  };
  await new Promise((resolve) => socket.once("connect", resolve));
  socket.write(wire.startup({ user: "postgres", database: "postgres" }));
  await untilReady();
  const rest = (values: string[]) =>
    Buffer.concat([wire.bind({ values }), wire.describe({ type: "P" }), wire.execute({}), wire.sync()]);
  return {
    send: (message: Uint8Array) => socket.write(message),
    finish(values: string[]) {
      socket.write(rest(values));
      return untilReady();
    },
    statement(text: string, values: string[]) {
      socket.write(Buffer.concat([wire.parse({ text }), rest(values)]));
      return untilReady();
    },
    end: () => socket.destroy(),
  };
}
