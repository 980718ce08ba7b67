// One bench phase in a process of its own, so its time and its peak memory are its own:
//   node <compiled phase.mjs> <phase> <json args>   (bench/processes.ts compiles and starts it)
// Reports { seconds, peakRssMb, ... } to the driver over IPC. Phases: create (fresh database,
// migrations), import-accounts, import-signals (the CLI commands, run in this process), rescore.
import { runCli } from "../src/cli/main.ts";
import { loadConfig } from "../src/config.ts";
import { type CreatedCluster, createClusterIfMissing } from "../src/db/pglite-cluster.ts";
import { createLogger } from "../src/logger.ts";
import { openMigratedDatabase } from "../src/runtime.ts";
import { rescoreAccounts } from "../src/services/health-scoring.ts";

export type PhaseName = "create" | "import-accounts" | "import-signals" | "rescore";
export interface PhaseArgs {
  env: Record<string, string>;
  file?: string;
}
export interface PhaseResult {
  seconds: number;
  peakRssMb: number;
  count?: number;
  /** import-signals: seconds until the rows were checked and stored, when the re-score began. */
  storedAfterSeconds?: number;
  /** create, embedded database: the cluster's creation (initdb), which runs in a process of its own. */
  initdb?: CreatedCluster;
}

const clearLine = "\r\u001b[2K";

/**
 * Runs a CLI command in this process. The CLI's stderr is a terminal to it, so it reports progress;
 * `onProgress` sees each progress line (the bench times steps by them), nothing is printed.
 */
async function cli(
  args: string[],
  env: Record<string, string>,
  onProgress: (line: string) => void = () => {},
): Promise<void> {
  const io = {
    stdout: { write: () => true },
    stderr: {
      isTTY: true,
      write: (text: string) => {
        // A progress line starts by clearing the terminal's line: carriage return, erase line.
        if (text.startsWith(clearLine)) onProgress(text.slice(clearLine.length));
        else process.stderr.write(text);
        return true;
      },
    },
  };
  const code = await runCli(args, env, io);
  if (code !== 0) throw new Error(`csm ${args.join(" ")} exited with ${code}`);
}

async function run(name: PhaseName, args: PhaseArgs): Promise<Omit<PhaseResult, "peakRssMb">> {
  const start = performance.now();
  const seconds = () => (performance.now() - start) / 1000;
  switch (name) {
    case "create": {
      // What `csm db migrate` does first on a new data directory, done here to learn what it took.
      const dataDir = args.env.DATA_DIR;
      const initdb = dataDir ? ((await createClusterIfMissing(dataDir)) ?? undefined) : undefined;
      await cli(["db", "migrate"], args.env);
      return { seconds: seconds(), initdb };
    }
    case "import-accounts":
      await cli(["import", "accounts", args.file as string], args.env);
      return { seconds: seconds() };
    case "import-signals": {
      // Checked and stored (the rows are in) when the CLI says it is re-scoring.
      let storedAfterSeconds: number | undefined;
      await cli(["import", "signals", args.file as string], args.env, (line) => {
        if (line.startsWith("Re-scoring")) storedAfterSeconds = seconds();
      });
      return { seconds: seconds(), storedAfterSeconds };
    }
    case "rescore": {
      // Opening the database is not part of the re-score: the clock starts once it is open.
      const config = loadConfig(args.env, "cli");
      const db = await openMigratedDatabase(config, "cli", "bench rescore", createLogger({ level: "warn" }));
      const t0 = performance.now();
      const result = await rescoreAccounts(db, "all", new Date());
      const elapsed = (performance.now() - t0) / 1000;
      await db.close();
      return { seconds: elapsed, count: result.scored };
    }
  }
}

const [name, json] = process.argv.slice(2) as [PhaseName, string];
const result = await run(name, JSON.parse(json) as PhaseArgs);
const peakRssMb = (process.resourceUsage().maxRSS * 1024) / 1024 / 1024;
process.send?.({ ...result, peakRssMb } satisfies PhaseResult);
process.disconnect?.();
