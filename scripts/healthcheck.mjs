#!/usr/bin/env node
// The image's health check (Dockerfile, HEALTHCHECK): exit 0 when the bot on PORT answers GET /healthz
// with 200 (its database reachable), 1 otherwise. Plain Node, as the image has no curl.
const port = process.env.PORT || "3000";
try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4_000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
