#!/usr/bin/env node
// `npx csm ...` and `npm run cli -- ...`: the compiled CLI (dist/cli.mjs, built by `npm install` and by
// `npm run build`).
import "../dist/cli.mjs";
