// Groups spans whose content is the same JSON (canonical.ts), exactly, at the cost of hashing: spans are
// grouped by a 64-bit hash of their canonical text first, and the texts are built and compared only
// inside the groups that are large enough to matter, so a hash collision can never merge two contents.
import { canonicalHash, canonicalText } from "@/lib/retro/canonical";

/**
 * The groups of at least `minSize` items with the same `label` and the same content, each in the items'
 * order, groups ordered by their first item. Items whose content is null or undefined (not captured) are
 * never grouped.
 */
export function groupBySameContent(
  items: readonly number[],
  labelOf: (item: number) => string,
  contentOf: (item: number) => unknown,
  minSize: number,
): number[][] {
  const byLabel = new Map<string, Map<number, number[]>>();
  for (const item of items) {
    const hash = canonicalHash(contentOf(item));
    if (hash === null) continue;
    const label = labelOf(item);
    let byHash = byLabel.get(label);
    if (!byHash) byLabel.set(label, (byHash = new Map<number, number[]>()));
    const group = byHash.get(hash);
    if (group) group.push(item);
    else byHash.set(hash, [item]);
  }
  const groups: number[][] = [];
  for (const candidates of [...byLabel.values()].flatMap((byHash) => [...byHash.values()])) {
    if (candidates.length < minSize) continue;
    const byText = new Map<string, number[]>();
    for (const item of candidates) {
      const text = canonicalText(contentOf(item));
      const group = byText.get(text);
      if (group) group.push(item);
      else byText.set(text, [item]);
    }
    for (const group of byText.values()) if (group.length >= minSize) groups.push(group);
  }
  return groups.sort((a, b) => a[0]! - b[0]!);
}
