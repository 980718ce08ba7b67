// The one HTTP server on PORT, with the limits of limits.ts: header and request timeouts, a cap on
// open connections. What it serves is the caller's (src/slack/receiver.ts).
import { createServer, type RequestListener, type Server } from "node:http";
import {
  headersTimeoutMs,
  keepAliveTimeoutMs,
  maxConnections,
  requestTimeoutMs,
  timeoutCheckIntervalMs,
} from "./limits.ts";

export function createLimitedServer(listener: RequestListener): Server {
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: timeoutCheckIntervalMs,
      keepAliveTimeout: keepAliveTimeoutMs,
    },
    listener,
  );
  // Connections past the cap are closed as they arrive.
  server.maxConnections = maxConnections;
  return server;
}

export function listen(server: Server, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

/** Stops taking connections; resolves when the open ones have ended. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
