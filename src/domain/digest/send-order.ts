// The order a run's messages are built and handed to Slack in, when each channel takes about one a second.

/**
 * The order that lets the send end soonest. A channel takes about a message a second, so the busiest
 * channel (n messages) sets the end, its k-th message needed k seconds in; the k-th message of a channel
 * with fewer can wait as long as the busiest channel's (k + its n - this n)-th. Sorting by k - n puts
 * every message where it is needed: the busiest channel's first, direct messages (n = 1) last.
 */
export function sendOrder<T>(due: readonly T[], channelOf: (item: T) => string): T[] {
  const byChannel = new Map<string, T[]>();
  for (const item of due) {
    const channel = channelOf(item);
    const items = byChannel.get(channel);
    if (items) items.push(item);
    else byChannel.set(channel, [item]);
  }
  return (
    [...byChannel.values()]
      .flatMap((items) => items.map((item, k) => ({ item, by: k - items.length, n: items.length })))
      // Equally needed: the bigger channel first, its later messages have less room.
      .sort((a, b) => a.by - b.by || b.n - a.n)
      .map(({ item }) => item)
  );
}
