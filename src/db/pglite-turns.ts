// Lets the bot's event loop turn while PGlite works through a long run of statements.
//
// PGlite runs each statement synchronously in WebAssembly, on the bot's own thread, and answers with a
// promise that is already settled: a use case that sends statement after statement (a 10,000-row
// signal batch, then its re-score) continues in microtasks and never lets the event loop reach its
// timers or sockets. Slack's requests then wait unread for the whole run, seconds in the bench, and
// the 3-second ack budget (slack/handler.ts) cannot fire. Measured on a 2-core machine: /account sent
// at 20/s while 10,000-row batches arrived over HTTP answered in 1.0 s at the median and 1.8 s at worst
// without this, in 0.36 s and 1.45 s with it (what remains is waiting for the batch's one transaction,
// which must stay whole).

import type { PGlite } from "@electric-sql/pglite";

/**
 * Makes every statement check how long the event loop has gone without a turn: past `sliceMs`, it waits
 * one turn (setImmediate) before it runs. A short run of statements, such as an /account lookup, never
 * waits; a long one gives way every `sliceMs`. Statements still run one at a time, in order: the wait
 * happens inside PGlite's own query lock.
 */
export function yieldBetweenStatements(lite: PGlite, sliceMs: number): void {
  const run = lite.execProtocolRaw.bind(lite);
  // When the run of statements in progress began, and whether the event loop has turned since.
  let runStartedAt = 0;
  let inRun = false;
  lite.execProtocolRaw = async (message, options) => {
    // The turn waited for runs the reset below, queued before it: a new run starts after it.
    if (inRun && performance.now() - runStartedAt > sliceMs)
      await new Promise((resolve) => setImmediate(resolve));
    if (!inRun) {
      inRun = true;
      runStartedAt = performance.now();
      setImmediate(() => {
        inRun = false;
      });
    }
    return run(message, options);
  };
}
