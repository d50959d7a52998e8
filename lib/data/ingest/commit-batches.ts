import "server-only";
// Ingest commits through this process's own connection (PostgreSQL, or SQLite without the writer thread).
import { getSql } from "@/lib/db/connections";
import type { WriteBatch } from "@/lib/ingest/write-batch";
import { storeBatches } from "./store-batch";

/** Stores the batches in one transaction. */
export const commitBatches = (batches: readonly WriteBatch[]): Promise<void> => storeBatches(getSql(), batches);
