// The few messages of PostgreSQL's wire protocol a prepared read exchanges with PGlite, written and
// read directly: bind (text parameters, text results) and execute for each statement, one sync; then,
// of the answer, the first column of one execution's rows.
//
// PGlite's own serializer and parser are general: they build every message through a growing buffer,
// and turn every answer into message objects before anything reads them. On an /account lookup that
// was about 9% of the bot's thread (the serializer alone 4%), for messages this small.

/** One statement's execution: the named statement, then its parameters as text (null: SQL NULL). */
export interface Execution {
  statement: string;
  params: readonly (string | null)[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Bind and execute for each execution, in order, then a sync: one batch. */
export function executionBatch(executions: readonly Execution[]): Uint8Array {
  const encoded = executions.map(({ statement, params }) => ({
    statement: encoder.encode(statement),
    params: params.map((param) => (param === null ? null : encoder.encode(param))),
  }));
  let size = 5; // sync
  for (const { statement, params } of encoded) {
    // Bind: type, length, portal "", statement, a format code per parameter (text), parameter count,
    // parameters, no result format codes (all text). As PGlite's serializer writes it.
    size += 1 + 4 + 1 + statement.length + 1 + 2 + 2 * params.length + 2 + 2;
    for (const param of params) size += 4 + (param?.length ?? 0);
    // Execute: type, length, portal "", no row limit.
    size += 1 + 4 + 1 + 4;
  }
  const batch = new Uint8Array(size);
  const view = new DataView(batch.buffer);
  let at = 0;
  for (const { statement, params } of encoded) {
    const start = at;
    batch[at] = 0x42; // B
    at += 5;
    at += 1; // portal "": its terminating zero
    batch.set(statement, at);
    at += statement.length + 1;
    view.setInt16(at, params.length);
    at += 2 + 2 * params.length; // each parameter's format code: 0, text
    view.setInt16(at, params.length);
    at += 2;
    for (const param of params) {
      view.setInt32(at, param === null ? -1 : param.length);
      at += 4;
      if (param) {
        batch.set(param, at);
        at += param.length;
      }
    }
    at += 2; // result format codes: none, all text
    view.setInt32(start + 1, at - start - 1);
    batch[at] = 0x45; // E
    view.setInt32(at + 1, 9);
    at += 10; // length, portal "", row limit 0
  }
  batch[at] = 0x53; // S
  view.setInt32(at + 1, 4);
  return batch;
}

const bindComplete = 0x32;
const dataRow = 0x44;
const commandComplete = 0x43;
const errorResponse = 0x45;

/**
 * The first column of each row the `execution`-th execution of a batch returned (from 0), as text, in
 * order; `undefined` when the answer holds an error, which PGlite's parser then reads and throws.
 */
export function firstColumns(answer: Uint8Array, execution: number): (string | null)[] | undefined {
  const view = new DataView(answer.buffer, answer.byteOffset, answer.byteLength);
  const rows: (string | null)[] = [];
  let bound = 0;
  for (let at = 0; at + 5 <= answer.length; ) {
    const type = answer[at];
    const end = at + 1 + view.getInt32(at + 1);
    if (type === errorResponse) return undefined;
    if (type === bindComplete) bound++;
    else if (bound === execution + 1) {
      if (type === dataRow) {
        const length = view.getInt32(at + 7);
        rows.push(length < 0 ? null : decoder.decode(answer.subarray(at + 11, at + 11 + length)));
      } else if (type === commandComplete) return rows;
    }
    at = end;
  }
  return rows;
}
