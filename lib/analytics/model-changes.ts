// Model changes from the responses first seen per task and requested model (model_variants). A variant is
// the response model plus the provider's system fingerprint when it sends one. The first variant of a task
// and requested model is where its history starts; every variant first seen after it is a change, from the
// variant first seen just before it. Requesting another model is a different key, so it is never a change
// by itself. Judged on first sightings, the answer does not depend on the order traces arrived in, and a
// provider alternating between two known variants is not reported again and again. Pure.

export type ModelVariantRow = {
  task: string;
  requestedModel: string;
  responseModel: string;
  /** "" when the provider sent none. */
  fingerprint: string;
  firstSeenMs: number;
  firstTraceId: string;
};

export type ModelChange = { time: string; task: string; requestedModel: string; before: string; after: string; firstTraceId: string };

/** How a variant reads: the model, with its fingerprint when there is one. */
export const variantLabel = (v: Pick<ModelVariantRow, "responseModel" | "fingerprint">) =>
  v.fingerprint ? `${v.responseModel} (${v.fingerprint})` : v.responseModel;

const byFirstSeen = (a: ModelVariantRow, b: ModelVariantRow) =>
  a.firstSeenMs - b.firstSeenMs || compare(a.responseModel, b.responseModel) || compare(a.fingerprint, b.fingerprint);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every change in [fromMs, toMs), oldest first (ties by task, then requested model). */
export function detectModelChanges(rows: readonly ModelVariantRow[], fromMs = -Infinity, toMs = Infinity): ModelChange[] {
  const byKey = new Map<string, ModelVariantRow[]>();
  for (const row of rows) {
    const key = `${row.task}\u0000${row.requestedModel}`;
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  const changes: (ModelChange & { ms: number })[] = [];
  for (const variants of byKey.values()) {
    variants.sort(byFirstSeen);
    for (let i = 1; i < variants.length; i++) {
      const after = variants[i]!;
      if (after.firstSeenMs < fromMs || after.firstSeenMs >= toMs) continue;
      changes.push({
        ms: after.firstSeenMs,
        time: new Date(after.firstSeenMs).toISOString(),
        task: after.task,
        requestedModel: after.requestedModel,
        before: variantLabel(variants[i - 1]!),
        after: variantLabel(after),
        firstTraceId: after.firstTraceId,
      });
    }
  }
  changes.sort((a, b) => a.ms - b.ms || compare(a.task, b.task) || compare(a.requestedModel, b.requestedModel) || compare(a.after, b.after));
  return changes.map(({ ms: _ms, ...change }) => change);
}
