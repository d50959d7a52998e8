// Job leases on a real (temporary, migrated) SQLite database: one holder at a time, renewal by the
// holder, takeover once a lease expired, release, and the release of all of a stopping holder's leases. The PostgreSQL race (many processes acquiring at
// once) is in tests/integration/two-nodes.test.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireJobLease, readJobLease, releaseAllJobLeases, releaseJobLease } from "@/lib/data/jobs/job-leases";
import type { Sql } from "@/lib/db/sql";
import { openSqlite } from "@/lib/db/sqlite";
import { applyMigrations } from "../../../support/migrated-sqlite";

const globalForConnections = globalThis as unknown as { hindsightSql?: Sql };

describe("job leases", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "hindsight-leases-"));
  beforeAll(async () => {
    globalForConnections.hindsightSql = openSqlite(path.join(dir, "leases.db"), "NORMAL");
    await applyMigrations(globalForConnections.hindsightSql);
  });
  afterAll(async () => {
    await globalForConnections.hindsightSql?.close();
    globalForConnections.hindsightSql = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it("goes to one holder, which renews it; others are refused until it expires", async () => {
    expect(await acquireJobLease("job.one", "a", 60_000)).toBe(true);
    expect(await acquireJobLease("job.one", "b", 60_000)).toBe(false);
    const first = (await readJobLease("job.one"))!;
    expect(first.holder).toBe("a");
    expect(Math.abs(first.expiresMs - (Date.now() + 60_000))).toBeLessThan(5_000); // the database's clock
    expect(await acquireJobLease("job.one", "a", 120_000)).toBe(true);
    expect((await readJobLease("job.one"))!.expiresMs).toBeGreaterThan(first.expiresMs);
    expect(await acquireJobLease("job.other", "b", 60_000)).toBe(true); // leases are per name
  });

  it("passes to another holder once expired (its holder died), and back only after that one's expires", async () => {
    expect(await acquireJobLease("job.two", "a", -1)).toBe(true); // already expired: as if "a" stopped renewing
    expect(await acquireJobLease("job.two", "b", 60_000)).toBe(true);
    expect(await acquireJobLease("job.two", "a", 60_000)).toBe(false);
    expect((await readJobLease("job.two"))!.holder).toBe("b");
  });

  it("is released only by its holder", async () => {
    expect(await acquireJobLease("job.three", "a", 60_000)).toBe(true);
    await releaseJobLease("job.three", "b");
    expect(await acquireJobLease("job.three", "b", 60_000)).toBe(false);
    await releaseJobLease("job.three", "a");
    expect(await readJobLease("job.three")).toBeNull();
    expect(await acquireJobLease("job.three", "b", 60_000)).toBe(true);
  });

  it("gives up every lease of a stopping holder, after the acquisition it was making, and refuses it any later one", async () => {
    expect(await acquireJobLease("job.four", "stopping", 60_000)).toBe(true);
    expect(await acquireJobLease("job.five", "stopping", 60_000)).toBe(true);
    expect(await acquireJobLease("job.six", "staying", 60_000)).toBe(true);
    const asking = acquireJobLease("job.seven", "stopping", 60_000); // a round asking as the stop begins
    expect(await releaseAllJobLeases("stopping")).toBe(3);
    expect(await asking).toBe(true);
    for (const name of ["job.four", "job.five", "job.seven"]) expect(await readJobLease(name)).toBeNull();
    expect(await acquireJobLease("job.four", "stopping", 60_000)).toBe(false);
    expect(await acquireJobLease("job.four", "other", 60_000)).toBe(true); // at once, not after the expiry
    expect((await readJobLease("job.six"))!.holder).toBe("staying");
  });
});
