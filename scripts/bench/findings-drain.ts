// For the findings on/off comparison: how long after the last span the findings job has analysed every
// trace (its queue is empty), read straight from the server's database.
import Database from "better-sqlite3";
import pg from "pg";

const POLL_MS = 200;
const MAX_WAIT_MS = 15 * 60_000;

async function queued(databaseUrl: string): Promise<number> {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { readonly: true, fileMustExist: true });
    try {
      return Number((db.prepare(`SELECT count(*) AS n FROM "findings_queue"`).get() as { n: number }).n);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "findings_queue"`)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** Seconds until the findings queue is empty (polled), or null after MAX_WAIT_MS. */
export async function waitForFindings(databaseUrl: string): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < MAX_WAIT_MS) {
    if ((await queued(databaseUrl)) === 0) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return null;
}
