// Prints the Node options of the server process that scripts/start.sh runs (plain JavaScript, so asking
// costs a bare `node` start and nothing else).
import { availableParallelism } from "node:os";

// V8 lets a heap grow up to 4× its live size between full collections when a program allocates fast,
// as ingest does (every request body becomes objects, then rows, then garbage). Capping the growth at
// 3× keeps the server under 400 MB RSS through `npm run bench:ingest` for a few % of its CPU: 321–380
// MB peak over 17 runs at 3× against 317–339 MB at 2.5–2.75× and 338–375 MB at 3.5× (2026-11-22, after
// span text moved to the writer thread as bytes; 410–440 MB without the flag before that), while 3×
// used 102–121 µs of CPU per span against 118–133 µs at 2.5× in runs of the same hour. The flag is
// V8's own and applies to every thread.
//
// Node starts four V8 helper threads whatever the machine, and V8 spreads its parallel garbage
// collection over all of them. On 2 cores those four (plus the request thread, the SQLite writer
// thread and the WAL checkpointer) queue for the CPU, and the writer, which sets ingest's pace, waits
// behind them. One helper per core beyond the first: in five interleaved pairs of
// `npm run bench:ingest` runs on 2 cores, ingest reached 48–58 % of the raw limit (mean 52 %) with one
// helper against 44–56 % (mean 49 %) with four; the helpers used 3.1–3.9 s of CPU instead of
// 3.8–5.5 s, the writer thread waited 3.0 s for a CPU instead of 3.5 s (means), and peak RSS was
// 337–377 MB instead of 346–392 MB.
const V8_HELPER_THREADS = Math.min(4, Math.max(1, availableParallelism() - 1));
const SERVER_V8_FLAGS = ["--heap-growing-percent=200", `--v8-pool-size=${V8_HELPER_THREADS}`];

process.stdout.write(SERVER_V8_FLAGS.join(" "));
