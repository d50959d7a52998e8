// The benchmark's answer: one table row per database, then the details a reader needs to trust it
// (how the raw limit was measured, what was verified, memory high-water mark, CPU the server got).
import { cpus } from "node:os";

export type RawFigure = { method: string; rowsPerSecond: number };

export type BenchRow = {
  database: string;
  spans: number;
  traces: number;
  senders: number;
  batchSize: number;
  bodies: number;
  bodyMb: number;
  wallSeconds: number;
  ingestPerSecond: number;
  /** Every raw measurement; the table compares against the fastest (the real limit). */
  raw: RawFigure[];
  retries429: number;
  retries503: number;
  rejectedSpans: number;
  storedSpans: number;
  storedTraces: number;
  summarySpans: number;
  verifiedBy: string;
  serverPid: number | null;
  peakRssMb: number | null;
  hwmMb: number | null;
  /** CPU seconds the server process used while the spans were sent. */
  serverCpuSeconds: number | null;
  clientCpuSeconds: number;
  /** 1-minute load average before and after sending (the machine is shared with the load generator). */
  load: [number, number];
  /** With findings on: seconds after the last span until every trace's findings were stored (null: gave up). */
  findingsSettledSeconds?: number | null;
  /** Server CPU seconds from the last span until then (the findings still to analyse). */
  findingsSettleCpuSeconds?: number | null;
};

export const lostSpans = (row: BenchRow) => row.spans - row.storedSpans;
/** The fastest raw measurement, or null when the row has none (a second run of the same workload). */
const bestRaw = (row: BenchRow): RawFigure | null => (row.raw.length === 0 ? null : row.raw.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a)));
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const mb = (n: number | null) => (n === null ? "n/a" : n.toFixed(0));

/** True when the row shows a loss or a wrong summary count (the run must then fail). */
export function failed(row: BenchRow): boolean {
  return lostSpans(row) !== 0 || row.storedTraces !== row.traces || row.summarySpans !== row.spans || row.rejectedSpans !== 0;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** The table and the notes below it. */
export function formatReport(rows: BenchRow[]): string {
  const header = [
    "database",
    "spans",
    "senders",
    "batch size",
    "wall s",
    "ingest spans/s",
    "raw rows/s",
    "ingest/raw",
    "retries 429/503",
    "lost spans",
    "peak RSS MB",
  ];
  const cells = rows.map((r) => {
    const raw = bestRaw(r);
    return [
      r.database,
      int(r.spans),
      String(r.senders),
      String(r.batchSize),
      r.wallSeconds.toFixed(1),
      int(r.ingestPerSecond),
      raw ? int(raw.rowsPerSecond) : "—",
      raw ? `${((100 * r.ingestPerSecond) / raw.rowsPerSecond).toFixed(0)} %` : "—",
      `${r.retries429}/${r.retries503}`,
      String(lostSpans(r)),
      mb(r.peakRssMb),
    ];
  });
  const notes = rows.flatMap((r) => [
    `${r.database}: ${int(r.traces)} traces in ${r.bodies} OTLP protobuf bodies (${r.bodyMb.toFixed(0)} MB).`,
    ...r.raw.map(
      (raw) => `  raw ${raw.method}: ${int(raw.rowsPerSecond)} rows/s (ingest = ${((100 * r.ingestPerSecond) / raw.rowsPerSecond).toFixed(0)} % of it)`,
    ),
    `  verified by ${r.verifiedBy}: ${int(r.storedSpans)} spans stored of ${int(r.spans)} sent, ${int(r.storedTraces)} trace rows of ${int(r.traces)}, ` +
      `trace spanCount sum ${int(r.summarySpans)}, rejected by server ${r.rejectedSpans}.`,
    `  server pid ${r.serverPid ?? "n/a"}: peak VmRSS while sending ${mb(r.peakRssMb)} MB, VmHWM (whole life) ${mb(r.hwmMb)} MB; target < 400 MB.`,
    r.serverCpuSeconds === null
      ? `  server CPU: n/a`
      : `  server CPU while sending: ${r.serverCpuSeconds.toFixed(1)} s of ${r.wallSeconds.toFixed(1)} s wall (${((100 * r.serverCpuSeconds) / r.wallSeconds).toFixed(0)} % of one core), ` +
        `${((1e6 * r.serverCpuSeconds) / r.spans).toFixed(0)} µs CPU/span; load average ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)} on ${cpus().length} CPUs; ` +
        `the load generator used ${r.clientCpuSeconds.toFixed(1)} s CPU.`,
    ...(r.findingsSettledSeconds === undefined
      ? []
      : [
          `  findings of every trace stored ${r.findingsSettledSeconds === null ? "(gave up waiting)" : `${r.findingsSettledSeconds.toFixed(1)} s`} after the last span (settle time included)` +
            `${r.findingsSettleCpuSeconds == null ? "" : `, using ${r.findingsSettleCpuSeconds.toFixed(1)} s more server CPU`}.`,
        ]),
    ...(failed(r) ? [`  FAILED: spans or traces missing or rejected.`] : []),
  ]);
  return `${table(header, cells)}\n\n${notes.join("\n")}`;
}

/** With findings on and off for one database: how much ingest the findings cost. */
export function formatFindingsCost(on: BenchRow, off: BenchRow): string {
  const cost = (1 - on.ingestPerSecond / off.ingestPerSecond) * 100;
  const perSpan = (cpu: number | null) => (cpu === null ? "n/a" : `${((1e6 * cpu) / on.spans).toFixed(0)} µs`);
  const total = on.serverCpuSeconds === null ? null : on.serverCpuSeconds + (on.findingsSettleCpuSeconds ?? 0);
  return (
    `findings cost on ${off.database.replace(" (findings off)", "")}: ingest ${int(on.ingestPerSecond)} spans/s with findings vs ${int(off.ingestPerSecond)} ` +
    `without (${cost.toFixed(1)} % slower; budget 15 %); server CPU per span while sending ${perSpan(on.serverCpuSeconds)} vs ${perSpan(off.serverCpuSeconds)}, ` +
    `${perSpan(total)} with the analysis still running after the last span; findings of every trace stored ${on.findingsSettledSeconds?.toFixed(1) ?? "n/a"} s after it.`
  );
}
