// Entry of the findings thread (bundled to dist/findings-worker.mjs by scripts/lib/build-workers.ts).
// Loading a trace's spans and analysing them is CPU work, and on SQLite every read and every wait for the
// write lock stops the thread that makes it: here it stops this thread, not the one answering requests.
// The request thread lists the projects (findings-runner.ts); this thread claims, analyses and stores
// through connections of its own, one round at a time.
import { serveJobs } from "@/lib/workers/serve-jobs";
import { runRound, type FindingsRound } from "./findings-round";

serveJobs<FindingsRound, number>((round) => runRound(round));
