#!/usr/bin/env node
// `npx csm ...`: the compiled CLI (dist/cli.mjs, built by `npm install` and by `npm run build`).
await import("../dist/cli.mjs");
