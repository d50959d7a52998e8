// Rewrites the string tokens (values and keys) of JSON text in place, leaving numbers, structure and
// every untouched byte as they were: re-serialising parsed JSON would round large integers and reformat
// text that senders wrote themselves.

/** A JSON string token (the unrolled form of "(?:[^"\\]|\\.)*") and whether a colon follows (a key). */
const STRING_TOKEN = /"([^"\\]*(?:\\.[^"\\]*)*)"(\s*:)?/g;

/**
 * Calls `rewrite` on the decoded value of each string token for which `mayMatch(raw token text)` holds,
 * and splices back the JSON encoding of what it returns. String values right after a key in `skipKeys`
 * are left alone. Returns null when a token does not decode (the text was not JSON).
 */
export function redactJsonStrings(
  json: string,
  skipKeys: ReadonlySet<string> | undefined,
  mayMatch: (raw: string) => boolean,
  rewrite: (value: string) => string,
): string | null {
  let out = "";
  let last = 0;
  let skipValue = false;
  for (const m of json.matchAll(STRING_TOKEN)) {
    const raw = m[1]!;
    const isKey = m[2] !== undefined;
    if (skipValue) {
      skipValue = false;
      if (!isKey) continue;
    }
    if (isKey && skipKeys?.has(raw)) {
      skipValue = true;
      continue;
    }
    if (!mayMatch(raw)) continue;
    let value: string;
    try {
      value = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
    } catch {
      return null;
    }
    const rewritten = rewrite(value);
    if (rewritten === value) continue;
    out += json.slice(last, m.index + 1) + JSON.stringify(rewritten).slice(1, -1);
    last = m.index + 1 + raw.length;
  }
  return last === 0 ? json : out + json.slice(last);
}
