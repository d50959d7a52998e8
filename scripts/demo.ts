/**
 * `npm run demo`: sends realistic agent-chain traces to a running Hindsight.
 * All the work is in scripts/demo/run-demo.ts; this only parses flags and
 * turns failures into a message and a non-zero exit code.
 */
import { parseArgs } from "node:util";
import { DEFAULT_SEED, DemoError, runDemo } from "./demo/run-demo";

const USAGE = `Usage: npm run demo -- [--traces N] [--days D] [--key KEY] [--url URL] [--seed S]

  --traces N  traces to send (default 60)
  --days D    spread them over the last D days (default 7)
  --key KEY   API key (default: $HINDSIGHT_API_KEY)
  --url URL   server base URL (default: $HINDSIGHT_URL or http://127.0.0.1:3000)
  --seed S    seed of the fake model (default ${DEFAULT_SEED})`;

function parseNumber(raw: string | undefined, fallback: number, flag: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new DemoError(`${flag} expects a number, got "${raw}"`);
  return value;
}

function parseFlags() {
  try {
    return parseArgs({
      options: {
        traces: { type: "string" },
        days: { type: "string" },
        key: { type: "string" },
        url: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    throw new DemoError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const values = parseFlags();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = values.url ?? process.env.HINDSIGHT_URL ?? "http://127.0.0.1:3000";
  console.log(`Sending demo traces to ${url} …`);
  const summary = await runDemo({
    url,
    apiKey: values.key ?? process.env.HINDSIGHT_API_KEY,
    traces: parseNumber(values.traces, 60, "--traces"),
    days: parseNumber(values.days, 7, "--days"),
    seed: parseNumber(values.seed, DEFAULT_SEED, "--seed"),
    log: (line) => console.log(`  ${line}`),
  });
  console.log(
    `Sent ${summary.traces} traces (${summary.spans} spans, ${summary.failedRuns} ending in error on purpose) across ${summary.sessions} sessions and ${summary.users} users.`,
  );
  console.log(`First trace ids: ${summary.traceIds.slice(0, 5).join(", ")}`);
  console.log(`Open ${summary.dashboardUrl}`);
}

try {
  await main();
} catch (error) {
  // A DemoError is an expected, explained condition; anything else is a bug worth its stack trace.
  const message = error instanceof DemoError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`demo failed: ${message}`);
  process.exitCode = 1;
}
