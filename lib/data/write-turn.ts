// A write the data layer makes while serving a read, run when the SQLite writer is between two ingest
// commits: better-sqlite3 waits for the write lock synchronously, so a write from a request thread
// during a commit would stall that thread (and every request on it) until the commit ends. The receiver
// (lib/receiver/runtime.ts) installs its write queue's exclusive slot here when it starts; until then
// (no ingest yet) and on PostgreSQL the write runs at once.
type WriteTurn = <T>(write: () => Promise<T>) => Promise<T>;

const globalForTurn = globalThis as unknown as { hindsightWriteTurn?: WriteTurn };

export function installWriteTurn(turn: WriteTurn): void {
  globalForTurn.hindsightWriteTurn = turn;
}

export function inWriteTurn<T>(write: () => Promise<T>): Promise<T> {
  const turn = globalForTurn.hindsightWriteTurn;
  return turn ? turn(write) : write();
}
