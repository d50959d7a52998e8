// "Zero spans lost", checked where it matters: in the server's database (or, for a server we did not
// start, through its read API). Counts rows rather than trusting the 200 answers.
import Database from "better-sqlite3";
import pg from "pg";

export type StoredCounts = { spans: number; traces: number; summarySpans: number; how: string };

/** Counts in the SQLite file of a server (read-only; WAL lets us read while it runs). */
function countSqlite(file: string): StoredCounts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const one = (text: string) => Number((db.prepare(text).get() as { n: number | null }).n ?? 0);
    return {
      spans: one(`SELECT count(*) AS n FROM "spans"`),
      traces: one(`SELECT count(*) AS n FROM "traces"`),
      summarySpans: one(`SELECT sum("spanCount") AS n FROM "traces"`),
      how: "SQLite file",
    };
  } finally {
    db.close();
  }
}

async function countPostgres(url: string): Promise<StoredCounts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (text: string) => Number((await client.query<{ n: string | null }>(text)).rows[0]?.n ?? 0);
    return {
      spans: await one(`SELECT count(*) AS n FROM "spans"`),
      traces: await one(`SELECT count(*) AS n FROM "traces"`),
      summarySpans: await one(`SELECT sum("spanCount") AS n FROM "traces"`),
      how: "PostgreSQL",
    };
  } finally {
    await client.end();
  }
}

/** Counts in the database behind a `DATABASE_URL`-style URL (file:… or postgresql://…). */
export function countInDatabase(databaseUrl: string): Promise<StoredCounts> {
  if (databaseUrl.startsWith("file:")) return Promise.resolve(countSqlite(databaseUrl.slice("file:".length)));
  return countPostgres(databaseUrl);
}

type TracePage = { data: { traceId: string; spanCount: number }[]; nextCursor: string | null };

/** For a server we did not start: pages through GET /api/v1/traces and sums our traces' span counts. */
export async function countThroughApi(baseUrl: string, apiKey: string, traceIds: readonly string[]): Promise<StoredCounts> {
  const ours = new Set(traceIds);
  const counts: StoredCounts = { spans: 0, traces: 0, summarySpans: 0, how: "read API (sum of spanCount)" };
  let cursor: string | null = null;
  do {
    const url = new URL("/api/v1/traces", baseUrl);
    url.searchParams.set("limit", "500");
    if (cursor) url.searchParams.set("cursor", cursor);
    const response = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } });
    if (!response.ok) throw new Error(`GET /api/v1/traces answered ${response.status}`);
    const page = (await response.json()) as TracePage;
    for (const trace of page.data) {
      if (!ours.has(trace.traceId)) continue;
      counts.traces += 1;
      counts.summarySpans += trace.spanCount;
    }
    cursor = page.nextCursor;
  } while (cursor);
  counts.spans = counts.summarySpans;
  return counts;
}
