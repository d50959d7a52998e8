// Links from dashboards back to the traces behind a number: the project's trace list with the element's
// filters and its time window as a custom range. Safe on client and server.
import type { TraceLinkFilter } from "./chart";

/**
 * `<tracesPath>?…` for `filter` over [fromMs, toMs) (the list's `to` is exclusive, like buckets). Empty
 * filter values are dropped; parameters come out in a fixed order so links compare equal.
 */
export function buildTracesHref(tracesPath: string, filter: TraceLinkFilter, fromMs: number, toMs: number): string {
  const params = new URLSearchParams();
  params.set("from", new Date(fromMs).toISOString());
  params.set("to", new Date(toMs).toISOString());
  for (const key of Object.keys(filter).sort() as (keyof TraceLinkFilter)[]) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return `${tracesPath}?${params.toString()}`;
}
