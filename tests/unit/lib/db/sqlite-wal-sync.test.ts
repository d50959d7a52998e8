import { fdatasync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WalSync, type SyncData } from "@/lib/db/sqlite-wal-sync";

let dir: string;
let wal: string;
let synced: number;
/** The real fdatasync, counted. */
const countingSync: SyncData = (fd, callback) => {
  synced++;
  fdatasync(fd, callback);
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "hindsight-wal-sync-"));
  wal = path.join(dir, "hindsight.db-wal");
  writeFileSync(wal, "frames");
  synced = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("WalSync", () => {
  it("syncs once for a commit when none is running", async () => {
    const sync = new WalSync(wal, countingSync);
    await sync.afterCommit();
    expect(synced).toBe(1);
    await sync.afterCommit();
    expect(synced).toBe(2);
    sync.close();
  });

  it("makes commits that end during a sync wait for the next one, which they share", async () => {
    const sync = new WalSync(wal, countingSync);
    const order: string[] = [];
    const first = sync.afterCommit().then(() => order.push("first"));
    // Ended while the first sync runs: their frames may not be in it.
    const second = sync.afterCommit().then(() => order.push("second"));
    const third = sync.afterCommit().then(() => order.push("third"));
    await Promise.all([first, second, third]);
    expect(synced).toBe(2);
    expect(order).toEqual(["first", "second", "third"]);
    sync.close();
  });

  it("follows the WAL file when SQLite replaces it", async () => {
    const sync = new WalSync(wal, countingSync);
    await sync.afterCommit();
    writeFileSync(`${wal}.new`, "new frames");
    renameSync(`${wal}.new`, wal);
    await expect(sync.afterCommit()).resolves.toBeUndefined();
    expect(synced).toBe(2);
    sync.close();
  });

  it("rejects with the file's error when there is no WAL to sync, and recovers once there is", async () => {
    rmSync(wal);
    const sync = new WalSync(wal, countingSync);
    await expect(sync.afterCommit()).rejects.toThrow(/ENOENT/);
    writeFileSync(wal, "frames");
    await expect(sync.afterCommit()).resolves.toBeUndefined();
    sync.close();
  });
});
