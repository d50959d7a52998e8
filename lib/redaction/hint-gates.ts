// Detectors' hints as few fast regular expressions. V8 searches an expression that is a plain literal
// like indexOf (a fraction of a nanosecond a character), scans reasonably for one whose matches all start
// with one known character, and slowly for an alternation whose branches start with many different ones
// (it then tries every branch at every position). So the hints' top-level branches that are literals
// stay literals, and the others are regrouped by their first character: `_(?<=npm_)|SG\.|_(?<=hf_)`
// becomes `SG\.` and `_(?:(?<=npm_)|(?<=hf_))`. Each test is a scan of the whole text, and a text
// without any match (nearly all text) is scanned by every gate: so the regrouped branches then become
// one expression, and the literals another, two scans of each text instead of one per branch group.

/** Splits a regular-expression source at its top-level `|`. */
export function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
  }
  branches.push(source.slice(start));
  return branches;
}

/** The first atom when it is a character (plain, or escaped punctuation) or `\d`, else null (a class, group or quantified atom). */
function leadingAtom(branch: string): string | null {
  const atom = /^\\[d.+\-/]/.test(branch) ? branch.slice(0, 2) : branch[0];
  if (atom === undefined || (atom.length === 1 && "[\\(.^$".includes(atom)) || "*+?{".includes(branch[atom.length] ?? "")) return null;
  return atom;
}

const escapeLiteral = (c: string) => (c.length === 2 ? c : c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"));
const LITERAL = /^(?:[^\\^$.*+?()[\]{}|]|\\[\\^$.*+?()[\]{}|/-])+$/;
/** A branch rest that is one lookbehind and nothing else, `(?<=…)`, whose body is returned. */
const LOOKBEHIND = /^\(\?<=((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*)\)$/;

/** The rests of one first character's branches as one expression; lookbehinds merge into one. */
function joinRests(rests: string[]): string {
  const behind = rests.map((rest) => LOOKBEHIND.exec(rest)?.[1]);
  if (behind.every((body) => body !== undefined)) return `(?<=${behind.join("|")})`;
  return `(?:${rests.map((rest) => `(?:${rest})`).join("|")})`;
}

/**
 * The hints (regular-expression sources) as few expressions; any match means "maybe". A literal stays
 * alone unless other branches start with its first character, whose scan it then joins.
 */
export function buildGates(hints: readonly string[]): RegExp[] {
  const branches = [...new Set(hints.flatMap(topLevelBranches))];
  const byFirst = new Map<string, string[]>();
  const others: string[] = [];
  for (const branch of branches) {
    const first = leadingAtom(branch);
    if (first === null) others.push(branch);
    else byFirst.set(first, [...(byFirst.get(first) ?? []), branch.slice(first.length)]);
  }
  const literals: string[] = [];
  const grouped: string[] = [];
  for (const [first, rests] of byFirst) {
    if (rests.every((rest) => LITERAL.test(first + rest))) for (const rest of rests) literals.push(escapeLiteral(first) + rest);
    else grouped.push(escapeLiteral(first) + joinRests(rests));
  }
  return [literals, [...grouped, ...others]].filter((sources) => sources.length > 0).map(oneExpression);
}

/** Hints hold no backreferences, named groups or flags, so their sources join into one expression unchanged in meaning. */
const oneExpression = (sources: string[]) => new RegExp(sources.length === 1 ? sources[0]! : sources.map((source) => `(?:${source})`).join("|"));
