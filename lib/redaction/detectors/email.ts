// Email addresses: found from each `@`, so text without one costs a single search, and no scan can
// backtrack over a long run of letters (an unanchored `\w+@` pattern is quadratic in V8).
import type { Detector, Match } from "../types";

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const MAX_LOCAL = 64;
/** Dot-separated labels (letters, digits, inner hyphens) ending in an alphabetic top-level domain. */
const DOMAIN = /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,63}(?![A-Za-z0-9-]|\.[A-Za-z0-9])/y;

export function emailDetector(name = "email"): Detector {
  return {
    name,
    hint: "@",
    find(text: string, out: Match[]) {
      for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
        let start = at;
        while (start > 0 && at - start <= MAX_LOCAL && LOCAL_CHAR.test(text[start - 1]!)) start--;
        while (text[start] === ".") start++; // a local part neither starts nor ends with a dot
        if (start === at || at - start > MAX_LOCAL || text[at - 1] === ".") continue;
        if (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) continue; // longer than any local part
        DOMAIN.lastIndex = at + 1;
        const domain = DOMAIN.exec(text);
        if (!domain) continue;
        out.push({ start, end: DOMAIN.lastIndex, name });
        at = DOMAIN.lastIndex - 1;
      }
    },
  };
}
