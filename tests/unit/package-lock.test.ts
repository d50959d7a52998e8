import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

interface LockEntry {
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(path.join(process.cwd(), "package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};

// npm resolves a dependency from the nearest node_modules folder up the tree, so that is where a locked
// optional dependency must be found.
function isLocked(from: string, name: string): boolean {
  let dir = from;
  for (;;) {
    if (lock.packages[`${dir ? `${dir}/` : ""}node_modules/${name}`]) return true;
    const parent = dir.lastIndexOf("/node_modules/");
    if (dir === "") return false;
    dir = parent < 0 ? "" : dir.slice(0, parent);
  }
}

// A lock file written over an existing node_modules loses other platforms' optional packages
// (@next/swc-darwin-arm64, …) and `npm ci` then refuses it on those platforms.
describe("package-lock.json", () => {
  it("locks every platform's optional packages, so npm ci works on Linux, macOS and Windows", () => {
    const missing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!isLocked(where, name)) missing.push(`${where || "(root)"} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
