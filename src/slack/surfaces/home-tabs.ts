// The App Homes people have open, and the book each chose to see. A Home is drawn when its tab opens;
// while it may still be on someone's screen (opened within the last hour), a change made from Slack
// draws it again, at most once per debounce window however many changes come in it.
import type { Logger } from "../../logger.ts";
import type { HomeSelection } from "../../services/home-dashboard.ts";

export interface HomeTabs {
  /** The book the person last chose to see on their Home. */
  selectionOf(slackUserId: string): HomeSelection | undefined;
  /** The person opened their Home (with this book chosen, when they chose one). */
  opened(slackUserId: string, selection?: HomeSelection): void;
  /** Something under the Homes changed: draw the open ones again, debounced. */
  changed(): void;
  /** Drops pending redraws (the app is stopping). */
  stop(): void;
}

export interface HomeTabsOptions {
  /** Draws one person's Home again. */
  redraw: (slackUserId: string) => Promise<void>;
  logger: Logger;
  debounceMs?: number;
  openForMs?: number;
  now?: () => number;
}

export function homeTabs(options: HomeTabsOptions): HomeTabs {
  const { redraw, logger, debounceMs = 2_000, openForMs = 3_600_000, now = Date.now } = options;
  const homes = new Map<string, { openedAt: number; selection?: HomeSelection }>();
  let pending: NodeJS.Timeout | null = null;

  async function redrawOpen() {
    pending = null;
    for (const [slackUserId, home] of homes) {
      if (now() - home.openedAt > openForMs) {
        homes.delete(slackUserId);
        continue;
      }
      try {
        await redraw(slackUserId);
      } catch (error) {
        logger.warn("could not redraw an App Home", { user: slackUserId }, error);
      }
    }
  }

  return {
    selectionOf: (slackUserId) => homes.get(slackUserId)?.selection,
    opened(slackUserId, selection) {
      const chosen = selection ?? homes.get(slackUserId)?.selection;
      homes.set(slackUserId, { openedAt: now(), ...(chosen ? { selection: chosen } : {}) });
    },
    changed() {
      if (pending || homes.size === 0) return;
      pending = setTimeout(() => void redrawOpen(), debounceMs);
      pending.unref();
    },
    stop() {
      if (pending) clearTimeout(pending);
      pending = null;
    },
  };
}
