// Work the process has started and not finished (Slack requests, scheduled job runs), so that a stop
// lets it finish before the database closes.

export interface InFlight {
  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** How much is running now. */
  readonly count: number;
  /** Resolves true when nothing is running, or false after `ms` if something still is. */
  settled(ms: number): Promise<boolean>;
}

export function inFlightWork(): InFlight {
  const running = new Set<Promise<void>>();
  return {
    track(work) {
      // Settles either way, so a failure stays the caller's to handle and is not reported twice.
      const done = work.then(
        () => {},
        () => {},
      );
      running.add(done);
      void done.then(() => running.delete(done));
      return work;
    },
    get count() {
      return running.size;
    },
    async settled(ms) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      });
      const idle = (async () => {
        // Work started by work in flight (a follow-up after an acknowledgement) is waited for too.
        while (running.size) await Promise.all(running);
        return true as const;
      })();
      try {
        return await Promise.race([idle, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
