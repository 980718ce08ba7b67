# The bot as an image: `docker build -t csm-bot .`, then run it with the environment of .env.example
# (README, Deploy). compose.yaml runs it on PostgreSQL with two replicas.

# Build: every dependency, the Prisma client generated and the bot compiled into dist/ (npm ci's
# postinstall), then the runtime folder assembled from it.
FROM node:20-slim AS build
WORKDIR /src
# Prisma's install script would download a native schema engine that nothing here runs (migrations use
# its WebAssembly build): naming any existing file as the engine skips it (scripts/prisma-generate.mjs).
ENV PRISMA_SCHEMA_ENGINE_BINARY=/src/scripts/prisma-generate.mjs
COPY . .
RUN npm ci --no-audit --no-fund \
 && node scripts/runtime-folder.mjs /runtime

# Runtime: the compiled bot and the production dependencies, nothing to generate or compile. The
# application folder belongs to root and the bot runs as `node`, so it cannot change its own code.
FROM node:20-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# resvg draws the portfolio chart's text with the system's fonts, and the slim image has none.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /runtime/ ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force \
 && mkdir /data && chown node:node /data
# The embedded database, when DATABASE_URL is unset; with PostgreSQL it stays empty.
VOLUME /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "scripts/healthcheck.mjs"]
# Node itself is the container's main process, so `docker stop`'s SIGTERM reaches the bot, which
# finishes the requests in flight and exits. The flags are `npm start`'s (package.json), without its
# build step.
CMD ["node", "--v8-pool-size=1", "--heap-growing-percent=20", "--max-semi-space-size=8", "dist/main.mjs"]
