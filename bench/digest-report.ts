// The digest bench's rows of the table: the build, the send against its rate-limit floor, and /account
// during the send.
import type { DigestBench } from "./digest.ts";
import { percentile } from "./load.ts";
import { failure } from "./processes.ts";
import { type Cell, count, errors, ms, type Row } from "./report.ts";

export type WithDigest = { digest?: DigestBench | string };

const maxBuildSeconds = 3;
const maxFloorRatio = 1.1;
const maxLookupP99Ms = 100;

function digestCell(digest: DigestBench | string | undefined, cell: (bench: DigestBench) => Cell): Cell {
  if (digest === undefined) return { text: "skipped" };
  if (typeof digest === "string") return { text: digest };
  return cell(digest);
}

export function digestRows(sizes: { randomRefusals: number }): Row<WithDigest>[] {
  const percent = `${(sizes.randomRefusals * 100).toFixed(0)}%`;
  return [
    {
      measure:
        "every digest built, not posted (300 CSMs × 60 accounts, 30 days of signals; the service `csm digest --now --dry-run` runs)",
      target: `< ${maxBuildSeconds} s`,
      cell: ({ digest }) =>
        digestCell(digest, ({ build, csms, dryRunCommand }) => {
          const command =
            dryRunCommand.code === 0 ? `${dryRunCommand.seconds.toFixed(1)} s` : failure(dryRunCommand);
          return {
            text: `${build.seconds.toFixed(2)} s (${build.built} of ${csms} built; the command, start to exit: ${command})`,
            met: build.seconds < maxBuildSeconds && build.built === csms,
          };
        }),
    },
    {
      measure: `every digest sent by the bot's schedule, through a Slack that allows 1 message/s per channel and refuses ${percent} at random (429, Retry-After)`,
      target: `≤ ${maxFloorRatio}× the floor, none lost or twice`,
      cell: ({ digest }) =>
        digestCell(digest, ({ send, csms }) => {
          if (send.lost === csms)
            return { text: `none of ${csms} digests reached Slack in time`, met: false };
          const ratio = send.seconds / send.floorSeconds;
          const once = csms - send.lost - send.duplicated;
          return {
            text: `${ratio.toFixed(2)}× (${send.seconds.toFixed(1)} s; floor ${send.floorSeconds} s, ${send.busiestChannel} digests in one channel; ${once} of ${csms} once, ${send.lost} lost, ${send.duplicated} twice; 429s: ${send.refusedAtRandom} at random, ${send.tooSoon} too soon; first message ${send.firstAfterSeconds.toFixed(1)} s after the due minute)`,
            met: ratio <= maxFloorRatio && send.lost === 0 && send.duplicated === 0,
          };
        }),
    },
    {
      measure: "`/account` answer p99 at 10/s during the send",
      target: `< ${maxLookupP99Ms} ms`,
      cell: ({ digest }) =>
        digestCell(digest, ({ lookups }) => {
          const p99 = percentile(lookups.latencies, 99);
          return {
            text: `p99 ${ms(p99)}, max ${ms(Math.max(...lookups.latencies))} (${count(lookups.latencies.length)} lookups${errors(lookups)})`,
            met: p99 < maxLookupP99Ms && lookups.errors === 0,
          };
        }),
    },
  ];
}
