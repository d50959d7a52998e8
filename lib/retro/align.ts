// Aligns two sequences of step signatures: the longest common subsequence, by the `diff` package's Myers
// diff (`diffArrays`, plain string equality, so no comparator is needed). A moved step shows as removed
// where it was and added where it went, as in any line diff.
//
// Myers costs O((N + M) · D) for D differences, so a pair of long, mostly different sequences is cut short
// at a maximum number of differences; the caller then falls back to something cheaper (the diff pairs only
// the common prefix and suffix, which is what such a pair mostly is anyway).
import { diffArrays } from "diff";

export type AlignedItem = { op: "pair"; a: number; b: number } | { op: "removed"; a: number } | { op: "added"; b: number };

const MAX_EDIT_LENGTH = 2000;

/** The alignment of `a` and `b` (positions into each), in sequence order; null past `maxEditLength` differences. */
export function alignSequences(a: readonly string[], b: readonly string[], maxEditLength = MAX_EDIT_LENGTH): AlignedItem[] | null {
  const changes = diffArrays([...a], [...b], { maxEditLength });
  if (!changes) return null;
  const out: AlignedItem[] = [];
  let ia = 0;
  let ib = 0;
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.removed) out.push({ op: "removed", a: ia++ });
      else if (change.added) out.push({ op: "added", b: ib++ });
      else out.push({ op: "pair", a: ia++, b: ib++ });
    }
  }
  return out;
}

/** Number of pairs in the alignment (the common subsequence's length). */
export function commonLength(alignment: readonly AlignedItem[]): number {
  let pairs = 0;
  for (const item of alignment) if (item.op === "pair") pairs++;
  return pairs;
}

/** The fallback alignment: common prefix and suffix paired, the middle removed and added. */
export function alignEnds(a: readonly string[], b: readonly string[]): AlignedItem[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const out: AlignedItem[] = [];
  for (let k = 0; k < prefix; k++) out.push({ op: "pair", a: k, b: k });
  for (let k = prefix; k < a.length - suffix; k++) out.push({ op: "removed", a: k });
  for (let k = prefix; k < b.length - suffix; k++) out.push({ op: "added", b: k });
  for (let k = suffix; k > 0; k--) out.push({ op: "pair", a: a.length - k, b: b.length - k });
  return out;
}
