// Messages between the request thread (lib/receiver/store-thread.ts) and the SQLite writer thread (writer-thread.ts).
import type { PackedText } from "@/lib/ingest/packed-text";
import type { WriteBatch } from "@/lib/ingest/write-batch";

export type StoreWorkerData = { file: string; synchronous: "FULL" | "NORMAL" };
/** A batch handed to the writer thread, by its number there, with its spans' large text as bytes. */
export type HoldMessage = { id: number; batch: WriteBatch; text: PackedText };
/** A commit: the numbers of held batches to store in one transaction. */
export type CommitJob = number[];
