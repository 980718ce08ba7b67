// What one HTTP request may cost the bot, on every route of the server on PORT. Together they bound
// the memory that open requests hold: at most `maxConnections` requests, each with at most its route's
// body limit, each for at most `requestTimeoutMs`.

/**
 * Slack's requests to /slack/events. The largest Slack sends this app is a button click that carries the
 * message it sits in: at most 50 blocks of at most 3,000 characters, about 150 KB of text, which JSON
 * and URL encoding can bring to about 600 KB. 1 MB holds that with room; Bolt's own default is 4 MB.
 */
export const slackBodyLimitBytes = 1024 * 1024;

/** A request without a Slack signature can only be Slack's `ssl_check=1` probe, a few dozen bytes. */
export const unsignedBodyLimitBytes = 1024;

/**
 * Open connections at once, on every route. Slack sends a workspace's requests one per user action and
 * each is answered within 3 s; 64 is far above a team's use and, at 1 MB a Slack body, keeps what
 * half-sent bodies can hold to 64 MB (ingest bodies need the ingest token before they are read).
 */
export const maxConnections = 64;

/** A client has this long to send its request headers. */
export const headersTimeoutMs = 10_000;

/** ...and this long to send the whole request: an 8 MB ingest batch at 300 KB/s. */
export const requestTimeoutMs = 30_000;

/** How often Node checks the two timeouts above (its default, 30 s, would let them run over by as much). */
export const timeoutCheckIntervalMs = 1_000;

/** An idle keep-alive connection is closed after this long (Node's default). */
export const keepAliveTimeoutMs = 5_000;
