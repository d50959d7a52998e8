// Durable commits without stopping the SQLite writer for the disk. With `synchronous = FULL` SQLite
// fsyncs the WAL inside every COMMIT, and better-sqlite3 is synchronous: the writer thread, the
// pace-setter of ingest, waited for the disk on every commit and prepared nothing meanwhile. The
// writer's connection instead commits with `synchronous = NORMAL` (frames are written to the WAL, not
// synced) and this class syncs the WAL file on libuv's thread pool before the commit is acknowledged:
// an acknowledged batch is on disk exactly as with FULL, while the writer already runs the next commit.
// Syncs coalesce: commits that end while one runs share the next (group commit).
//
// A crash between a commit and its sync can lose that commit, as a crash inside a FULL commit can; it
// was never acknowledged, so the sender still holds it and sends it again (spans are idempotent). The
// database itself stays consistent either way (that is WAL mode's guarantee at NORMAL).
import { closeSync, fdatasync, fstatSync, openSync, statSync } from "node:fs";

/** fs.fdatasync's shape. */
export type SyncData = (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => void;

export class WalSync {
  private fd: number | null = null;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  /** `syncData` is fs.fdatasync; tests pass a wrapper that counts the calls. */
  constructor(
    private readonly walFile: string,
    private readonly syncData: SyncData = fdatasync,
  ) {}

  /** Resolves once everything committed before this call is on disk (a sync that started after it ended). */
  afterCommit(): Promise<void> {
    if (!this.running) return this.start();
    // The running sync may have started before this commit wrote its frames: wait for the one after it.
    this.next ??= this.running.then(
      () => ((this.next = null), this.start()),
      () => ((this.next = null), this.start()),
    );
    return this.next;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private start(): Promise<void> {
    const sync = this.sync().finally(() => {
      if (this.running === sync) this.running = null;
    });
    this.running = sync;
    return sync;
  }

  private sync(): Promise<void> {
    let fd: number;
    try {
      fd = this.walDescriptor();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise((resolve, reject) => this.syncData(fd, (error) => (error ? reject(error) : resolve())));
  }

  /** A descriptor of the current WAL file, reopened if SQLite replaced the file since it was opened. */
  private walDescriptor(): number {
    if (this.fd !== null && fstatSync(this.fd).ino === statSync(this.walFile).ino) return this.fd;
    this.close();
    this.fd = openSync(this.walFile, "r");
    return this.fd;
  }
}
