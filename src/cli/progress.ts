// What a CLI command shows while it works: on a terminal, one status line rewritten in place (the step
// and its counts) and a line for each long step once it is done, on stderr. Nothing at all when stderr
// is not a terminal (a pipe, a log file, cron) or with --json, so that what scripts read stays the same.
import type { ClusterProgress } from "../runtime.ts";

export interface Progress {
  /** Rewrites the status line; "" clears it. */
  status(line: string): void;
  /** A long step that is done, kept on screen. */
  done(line: string): void;
}

const silent: Progress = { status: () => {}, done: () => {} };

export function terminalProgress(stream: { write(text: string): unknown }, enabled: boolean): Progress {
  if (!enabled) return silent;
  // Carriage return and "erase line": the next status replaces this one.
  const rewrite = (text: string) => stream.write(`\r\x1b[2K${text}`);
  return { status: rewrite, done: (line) => rewrite(`${line}\n`) };
}

/**
 * Announces the creation of a new data directory's database, the one long wait of a first run, with its
 * seconds going by. `stop` clears the status line if the creation did not finish.
 */
export function clusterAnnouncer(progress: Progress): ClusterProgress & { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let started = 0;
  const seconds = () => (performance.now() - started) / 1000;
  const stopTimer = () => {
    clearInterval(timer);
    timer = undefined;
  };
  return {
    creating(dataDir) {
      started = performance.now();
      const line = `Creating the embedded database in ${dataDir} (once, about 15 s)…`;
      progress.status(line);
      timer = setInterval(() => progress.status(`${line} ${Math.round(seconds())} s`), 1000);
      timer.unref();
    },
    ready(dataDir) {
      stopTimer();
      progress.done(`Created the embedded database in ${dataDir} in ${seconds().toFixed(1)} s.`);
    },
    stop() {
      if (!timer) return;
      stopTimer();
      progress.status("");
    },
  };
}
