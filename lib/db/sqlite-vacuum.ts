// SQLite files shrink after a purge only in auto_vacuum=INCREMENTAL mode, where `PRAGMA
// incremental_vacuum` hands free pages back to the file system. The mode is part of the file format:
// it can be chosen while a database is empty, and an existing file changes only through a full
// VACUUM, which rewrites the whole file under an exclusive lock (minutes for a large database, with
// twice its size free on disk). New databases therefore start in that mode, and an existing one is
// converted once, by hand, with `npm run db:compact` while the server is stopped; until then purged
// pages are reused by new data but the file does not shrink.
import Database from "better-sqlite3";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { Sql } from "./sql";

/** Makes a database that does not exist yet (or is empty) incremental-vacuum before anything creates its tables. */
export function createWithIncrementalVacuum(file: string): void {
  if (existsSync(file) && statSync(file).size > 0) return;
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("auto_vacuum = INCREMENTAL");
    db.exec("VACUUM"); // writes the header, so the mode holds once migrations create the tables
  } finally {
    db.close();
  }
}

/** Converts an existing database to incremental vacuum and compacts it (exclusive: the server must be stopped). */
export function convertToIncrementalVacuum(file: string): { beforeBytes: number; afterBytes: number } {
  const beforeBytes = statSync(file).size;
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("auto_vacuum = INCREMENTAL");
    db.exec("VACUUM");
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return { beforeBytes, afterBytes: statSync(file).size };
}

/** 0 none, 1 full, 2 incremental. */
export async function autoVacuumMode(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ auto_vacuum: unknown }>("PRAGMA auto_vacuum");
  return Number(row?.auto_vacuum ?? 0);
}

const freePages = async (sql: Sql) => Number((await sql.query<{ freelist_count: unknown }>("PRAGMA freelist_count"))[0]?.freelist_count ?? 0);

/**
 * Returns up to `pages` free pages to the file system in one short write transaction, and how many free
 * pages remain. Small steps, so ingest commits between them. Each execution of the statement frees one
 * page (the pragma yields a row per page, and the driver's run() takes one step), hence the loop; the
 * file is truncated when the transaction commits.
 */
export async function incrementalVacuumStep(sql: Sql, pages: number): Promise<number> {
  const todo = Math.min(pages, await freePages(sql));
  if (todo > 0)
    await sql.transaction(async (tx) => {
      for (let i = 0; i < todo; i++) await tx.run("PRAGMA incremental_vacuum(1)");
    });
  return freePages(sql);
}
