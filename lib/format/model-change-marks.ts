// Model changes as marks on a time chart: each at the start of the bucket it fell in (charts place marks on
// bucket starts), one mark per bucket with every change of that bucket in its text. Safe on client and server.

export type ModelChangeLike = { time: string; task: string; requestedModel: string; before: string; after: string };
export type ModelChangeMark = { t: number; label: string; detail: string };

/** Marks for the changes within [startMs, endMs) of a chart of `bucketMs` buckets, in time order. */
export function toModelChangeMarks(changes: readonly ModelChangeLike[], startMs: number, endMs: number, bucketMs: number): ModelChangeMark[] {
  const byBucket = new Map<number, ModelChangeLike[]>();
  for (const change of changes) {
    const ms = Date.parse(change.time);
    if (!(ms >= startMs && ms < endMs)) continue;
    const t = startMs + Math.floor((ms - startMs) / bucketMs) * bucketMs;
    const list = byBucket.get(t);
    if (list) list.push(change);
    else byBucket.set(t, [change]);
  }
  return [...byBucket]
    .sort(([a], [b]) => a - b)
    .map(([t, list]) => ({
      t,
      label: list.length === 1 ? `model: ${list[0]!.after}` : `${list.length} model changes`,
      detail: list.map((c) => `${c.task} · ${c.requestedModel}: ${c.before} → ${c.after}`).join("\n"),
    }));
}

/** Marks for the changes that fall within a chart's buckets (rows of `bucketMs` from the first row's `t`). */
export function marksForChart(changes: readonly ModelChangeLike[] | undefined, data: { rows: readonly { t: number }[]; bucketMs: number }): ModelChangeMark[] {
  const first = data.rows[0]?.t;
  if (!changes?.length || first === undefined) return [];
  return toModelChangeMarks(changes, first, first + data.rows.length * data.bucketMs, data.bucketMs);
}
