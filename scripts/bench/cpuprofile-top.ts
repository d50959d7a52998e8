// Summarises a V8 .cpuprofile (from node --cpu-prof) as the functions with the most self time and,
// per source file, total self time, so a profile of the stage harness or of the server reads in a
// terminal. Frames in minified bundles (the Next.js build) are mapped back to their sources through the
// bundle's .map file with node:module's SourceMap, so they read as lib/ingest/normalise.ts:93.
// Usage: tsx scripts/bench/cpuprofile-top.ts FILE.cpuprofile [--top N] [--filter TEXT]
import { existsSync, readFileSync } from "node:fs";
import { SourceMap, type SourceMapPayload, type SourceMapping } from "node:module";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Node = { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/^.*\/node_modules\//, "~/")
    .replace(/^turbopack:\/\/\/\[project\]\//, "")
    .replace(/^(\.\.\/)+/, "")
    .replace(`${process.cwd()}/`, "");

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    const file = `${url.startsWith("file:") ? fileURLToPath(url) : url}.map`;
    maps.set(url, url && existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, "utf8")) as SourceMapPayload) : null);
  }
  return maps.get(url)!;
}

/** "name  file:line", through the source map when the frame is in a bundle that has one. */
function locate({ functionName, url, lineNumber, columnNumber }: CallFrame): { key: string; file: string } {
  // findEntry answers {} when the position has no mapping.
  const entry: Partial<SourceMapping> | undefined = url ? sourceMapOf(url)?.findEntry(lineNumber, columnNumber) : undefined;
  if (entry?.originalSource && entry.originalLine !== undefined) {
    const file = shortUrl(entry.originalSource);
    return { key: `${functionName || "(anonymous)"}  ${file}:${entry.originalLine + 1}`, file };
  }
  const file = url ? shortUrl(url) : functionName;
  return { key: `${functionName || "(anonymous)"}  ${url ? `${file}:${lineNumber + 1}` : "(native)"}`, file };
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string" }, filter: { type: "string" } } });
  const file = positionals[0];
  if (!file) throw new Error("usage: cpuprofile-top.ts FILE.cpuprofile [--top N] [--filter TEXT]");
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const top = Number(values.top ?? 30);
  // Self time per node: each sample is charged the delta that follows it.
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { key, file } = locate(node.callFrame);
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const total = profile.endTime - profile.startTime;
  const show = (title: string, map: Map<string, number>) => {
    console.log(`\n${title} (of ${(total / 1e6).toFixed(2)} s sampled)`);
    [...map]
      .filter(([key]) => !values.filter || key.includes(values.filter))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .forEach(([key, us]) => console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`));
  };
  show("self time by function", byFunction);
  show("self time by file", byFile);
}

main();
