// The critical path: the chain of spans whose work determined when the trace ended (the approach of Jaeger's
// critical path, walking back from the end).
//
// - A span on the path owns its window on the path. Inside it the walk goes back from the window's end: the
//   child that finished last (and no later than where the walk stands) is on the path, the walk jumps to
//   that child's start, and repeats. Children that ran in parallel and finished after that point are off
//   the path. Sequential children that touch (one ends when the next starts) are both on it. On a tie of
//   ends the longer child wins: more of the waiting was its work.
// - A child's window is cut to its parent's window: a child that outlives its parent (or starts before
//   it) counts only while the parent ran; a child entirely outside it is off the path.
// - `selfMs` is the span's window minus its children's windows on the path, so the segments' selfMs sum to
//   totalMs. An agent's own time between its calls counts as `agent`, an approval span's wait as `approval`.
// - Several top-level spans (several roots, or orphans whose parent never arrived) are walked the same way
//   as the children of one implicit root spanning them all; time when none of them ran belongs to no span
//   and is not on the path.
// Iterative (no recursion limit on deep traces), O(n log n).
import { indexTrace, type TraceIndex } from "@/lib/retro/trace-index";
import { RETRO_KINDS, type CriticalPath, type CriticalPathSegment, type RetroKind, type RetroSpan } from "@/lib/retro/types";

type Window = { node: number; from: number; to: number };
type Frame = Window & { kids: Window[]; next: number; cursor: number; onPathNs: number };

/** The critical path of a trace's spans. */
export function criticalPath(spans: readonly RetroSpan[]): CriticalPath {
  return criticalPathOfIndex(indexTrace(spans));
}

export function criticalPathOfIndex(index: TraceIndex): CriticalPath {
  const found: { window: Window; selfNs: number }[] = [];
  if (index.roots.length > 0) {
    let from = Infinity;
    let to = -Infinity;
    for (const r of index.roots) {
      from = Math.min(from, index.start[r]!);
      to = Math.max(to, index.end[r]!);
    }
    const stack: Frame[] = [frameOf(index, { node: -1, from, to })];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const kid = nextOnPath(frame);
      if (kid) {
        stack.push(frameOf(index, kid));
        continue;
      }
      stack.pop();
      if (frame.node >= 0) found.push({ window: frame, selfNs: frame.to - frame.from - frame.onPathNs });
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.cursor = frame.from;
        parent.onPathNs += frame.to - frame.from;
      }
    }
  }
  return toResult(index, found);
}

/** The frame of a span on the path, with its children cut to its window, latest end first. */
function frameOf(index: TraceIndex, window: Window): Frame {
  const kids: Window[] = [];
  for (const c of window.node >= 0 ? index.children[window.node]! : index.roots) {
    const from = Math.max(index.start[c]!, window.from);
    const to = Math.min(index.end[c]!, window.to);
    if (to > from) kids.push({ node: c, from, to });
  }
  if (kids.length > 1) kids.sort((a, b) => b.to - a.to || a.from - b.from || a.node - b.node);
  return { node: window.node, from: window.from, to: window.to, kids, next: 0, cursor: window.to, onPathNs: 0 };
}

/** The next child on the path: the first (latest-ending) one that ended no later than the walk's position. */
function nextOnPath(frame: Frame): Window | null {
  while (frame.next < frame.kids.length) {
    const kid = frame.kids[frame.next++]!;
    if (kid.to <= frame.cursor) return kid;
  }
  return null;
}

function toResult(index: TraceIndex, found: { window: Window; selfNs: number }[]): CriticalPath {
  // The walk finds the path backwards; a parent's window starts no later than its children's.
  found.reverse();
  found.sort((a, b) => a.window.from - b.window.from || index.depth[a.window.node]! - index.depth[b.window.node]! || a.window.node - b.window.node);
  const isoAt = isoClock(index.originNs);
  const byKind = Object.fromEntries(RETRO_KINDS.map((kind) => [kind, 0])) as Record<RetroKind, number>;
  let totalMs = 0;
  const segments: CriticalPathSegment[] = found.map(({ window, selfNs }) => {
    const selfMs = selfNs / 1e6;
    totalMs += selfMs;
    byKind[index.kinds[window.node]!] += selfMs;
    return {
      spanId: index.spans[window.node]!.spanId,
      startTime: isoAt(window.from),
      endTime: isoAt(window.to),
      selfMs,
    };
  });
  return { totalMs, segments, byKind };
}

const DAY_MS = 86_400_000;
const MAX_DATE_MS = 8.64e15;
const pad = (value: number, width: number) => String(value).padStart(width, "0");

/**
 * ISO time (whole ms) of a nanosecond offset from `originNs`, in exact double arithmetic rather than bigint,
 * and formatted by hand within a day: Date#toISOString for every segment of a large path costs more than
 * the walk itself. Times out of Date's range are clamped to it rather than throwing.
 */
function isoClock(originNs: bigint): (offsetNs: number) => string {
  const originMs = Number(originNs / 1_000_000n);
  const originRestNs = Number(originNs % 1_000_000n);
  let dayStart = NaN;
  let dayPrefix = "";
  return (offsetNs) => {
    const ms = Math.min(MAX_DATE_MS, Math.max(-MAX_DATE_MS, originMs + Math.floor((originRestNs + offsetNs) / 1e6)));
    const day = Math.floor(ms / DAY_MS) * DAY_MS;
    if (day !== dayStart) {
      const iso = new Date(day).toISOString();
      if (iso.length !== 24) return new Date(ms).toISOString(); // years beyond 9999 or before 0
      dayStart = day;
      dayPrefix = iso.slice(0, 11);
    }
    const inDay = ms - day;
    return `${dayPrefix}${pad(Math.floor(inDay / 3_600_000), 2)}:${pad(Math.floor(inDay / 60_000) % 60, 2)}:${pad(Math.floor(inDay / 1000) % 60, 2)}.${pad(inDay % 1000, 3)}Z`;
  };
}
