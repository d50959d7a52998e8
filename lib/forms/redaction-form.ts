// The Redaction form's custom patterns: one per line, "name = regex" (the regex is everything after the
// first " = "). Pure.
export type PatternLines = { ok: true; patterns: { name: string; regex: string }[] } | { ok: false; message: string };

export function parsePatternLines(text: string): PatternLines {
  const patterns: { name: string; regex: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const at = line.indexOf(" = ");
    if (at <= 0) return { ok: false, message: `line ${i + 1}: write "name = regex"` };
    patterns.push({ name: line.slice(0, at).trim(), regex: line.slice(at + 3) });
  }
  return { ok: true, patterns };
}

export const formatPatternLines = (patterns: readonly { name: string; regex: string }[]) => patterns.map((p) => `${p.name} = ${p.regex}`).join("\n");
