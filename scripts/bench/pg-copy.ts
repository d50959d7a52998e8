// `COPY … FROM STDIN` with node-postgres alone (pg-copy-streams is not a dependency and is not to be
// added). pg accepts any object with submit() as a query ("Submittable", how pg-cursor plugs in) and
// forwards the protocol messages of the running query to its handle* methods; COPY needs only three:
// CopyInResponse → send the data and CopyDone; an error; ReadyForQuery → finished.
import type pg from "pg";

/** The wire methods pg's Connection has but @types/pg does not declare. */
type CopyConnection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };

/** COPY text format: tab-separated, `\N` for NULL, backslash escapes for \, tab, newline, CR. */
function field(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const text = typeof value === "string" ? value : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!) : text;
}

/** Rows as one COPY text payload. */
export function copyText(rows: readonly (readonly unknown[])[]): Buffer {
  return Buffer.from(rows.map((row) => row.map(field).join("\t")).join("\n") + "\n", "utf8");
}

class CopyIn {
  private failed: unknown = null;
  private settled = false;
  readonly done: Promise<void>;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: unknown): void {
    (connection as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: unknown): void {
    const wire = connection as CopyConnection;
    // One CopyData message per 64 KiB keeps messages small without per-row overhead.
    for (let offset = 0; offset < this.data.length; offset += 65_536) wire.sendCopyFromChunk(this.data.subarray(offset, offset + 65_536));
    wire.endCopyFrom();
  }

  handleError(error: unknown): void {
    // After an error the server still sends ReadyForQuery, but pg has already detached this query,
    // and on a dead socket nothing follows: settle now.
    this.failed = error;
    this.finish();
  }

  handleReadyForQuery(): void {
    this.finish();
  }

  private finish(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.failed) this.reject(this.failed);
    else this.resolve();
  }

  // Messages a COPY never produces but pg may route to the active query.
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Runs `COPY table (columns) FROM STDIN` with the given rows on `client`. */
export async function copyRows(client: pg.Client, table: string, columns: string, rows: readonly (readonly unknown[])[]): Promise<void> {
  const copy = new CopyIn(`COPY "${table}" (${columns}) FROM STDIN`, copyText(rows));
  client.query(copy);
  await copy.done;
}
