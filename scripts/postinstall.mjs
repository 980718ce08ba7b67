#!/usr/bin/env node
// `npm install`'s last step: generates the Prisma client and compiles the bot and the CLI into dist/.
// Both tools are development dependencies. A production install (`npm ci --omit=dev`, the image's
// runtime stage) has neither and needs neither: it runs a dist/ compiled beforehand, so it says so and
// stops here. With only one of them present the steps run, and fail saying which is missing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const installed = (name) => existsSync(new URL(`../node_modules/${name}/package.json`, import.meta.url));
if (!installed("prisma") && !installed("esbuild")) {
  process.stderr.write(
    "csm-bot: production install (no development dependencies): nothing to generate or compile; " +
      "dist/ comes from a build (README, Deploy)\n",
  );
  process.exit(0);
}
for (const step of [["scripts/prisma-generate.mjs"], ["scripts/build.mjs", "--quiet"]]) {
  const result = spawnSync(process.execPath, step, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
