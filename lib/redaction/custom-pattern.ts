// A project's own patterns: JavaScript regular expressions, compiled with the `u` flag, refused with a
// reason when they could hang or flood ingest. Span content is untrusted and V8's regex engine
// backtracks, so the policy is strict, and it keeps the work of one search linear in the text's length:
// - the pattern must parse and stay short (MAX_PATTERN_LENGTH);
// - it must not be able to match the empty string (it would "redact" between every two characters);
// - every repetition has an upper bound of at most MAX_REPEAT (`\d{1,64}`, not `\d+`): a search tries
//   the pattern at every position of the text, and an unbounded repetition that fails late (`\w+@` on a
//   long word) makes that quadratic, whatever the pattern's shape;
// - redos-detector must find one attempt's backtracking bounded (score ≤ its default 200), which refuses
//   nested or overlapping repetition such as `(a{1,9}){1,9}` or `\w{1,50}\d{1,50}x`;
// - backreferences are refused (neither analysis can bound them).
import regjsparser, { type AstNode } from "regjsparser";
import { isSafePattern } from "redos-detector";
import { RedactionConfigError, type Detector, type Match } from "./types";

export const MAX_PATTERN_LENGTH = 500;
export const MAX_REPEAT = 1000;
const FLAGS = "gu";
const FEATURES = { lookbehind: true, namedGroups: true, unicodePropertyEscape: true } as const;

/** The fewest characters the node can match; lookarounds and anchors match none. */
function minLength(node: AstNode<typeof FEATURES>): number {
  switch (node.type) {
    case "alternative":
      return node.body.reduce((sum, child) => sum + minLength(child), 0);
    case "disjunction":
      return Math.min(...node.body.map(minLength));
    case "group":
      return node.behavior === "normal" || node.behavior === "ignore" ? node.body.reduce((sum, child) => sum + minLength(child), 0) : 0;
    case "quantifier":
      return node.min === 0 ? 0 : node.min * minLength(node.body[0]);
    case "anchor":
    case "reference":
      return 0;
    default:
      return 1; // a character, class, escape or dot
  }
}

/** Every node of the tree, depth first. */
function* nodes(node: AstNode<typeof FEATURES>): Generator<AstNode<typeof FEATURES>> {
  yield node;
  if ("body" in node && Array.isArray(node.body)) for (const child of node.body as AstNode<typeof FEATURES>[]) yield* nodes(child);
}

/**
 * The literal text every match starts with (after assertions such as `\b`), when it is at least two
 * characters that JSON never escapes: then it is a hint, as built-in detectors have (types.ts). A pattern
 * without one runs on every string of every span, which costs far more.
 */
function literalPrefix(ast: AstNode<typeof FEATURES>): string {
  const terms = ast.type === "alternative" ? ast.body : [ast];
  let literal = "";
  for (const term of terms) {
    if (term.type === "anchor" || (term.type === "group" && term.behavior !== "normal" && term.behavior !== "ignore")) {
      if (literal) break;
      continue;
    }
    if (term.type !== "value" || term.codePoint < 0x20 || term.codePoint > 0x7e) break; // other characters may come \u-escaped
    const char = String.fromCodePoint(term.codePoint);
    if (char === '"' || char === "\\" || char === "/") break;
    literal += char;
  }
  return literal.length >= 2 ? literal : "";
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

export type CompiledPattern = { regex: RegExp; hint: string };

/** Checks and compiles one custom pattern; throws RedactionConfigError naming the pattern and the problem. */
export function compileCustomPattern(name: string, source: string): CompiledPattern {
  const fail = (reason: string) => new RedactionConfigError(`pattern "${name}": ${reason}`);
  if (source.length === 0) throw fail("regex is empty");
  if (source.length > MAX_PATTERN_LENGTH) throw fail(`regex is longer than ${MAX_PATTERN_LENGTH} characters`);
  let regex: RegExp;
  try {
    regex = new RegExp(source, FLAGS);
  } catch (error) {
    throw fail(`not a valid regular expression (JavaScript syntax, u flag): ${(error as Error).message}`);
  }
  let ast: AstNode<typeof FEATURES>;
  try {
    ast = regjsparser.parse(source, "u", FEATURES);
  } catch (error) {
    throw fail(`unsupported regular expression syntax: ${(error as Error).message}`);
  }
  for (const node of nodes(ast)) {
    if (node.type === "reference") throw fail("backreferences (\\1, \\k<name>) are not supported");
    if (node.type === "quantifier" && (node.max === undefined || node.max > MAX_REPEAT)) {
      throw fail(`"${node.raw}" repeats without a bound of at most ${MAX_REPEAT}: write the longest you mean, e.g. {1,64} instead of + or *`);
    }
  }
  if (minLength(ast) === 0) throw fail("can match the empty string; every match must contain at least one character");
  const safety = isSafePattern(`^(?:${source})`, { unicode: true, maxSteps: 5000 });
  if (!safety.safe) {
    throw fail(
      safety.error === "hitMaxSteps"
        ? "too complex to check for catastrophic backtracking: simplify it"
        : "may backtrack catastrophically (nested or overlapping repetition such as (a{1,9}){1,9} or \\w{1,50}\\d{1,50}): make the repeated parts unambiguous",
    );
  }
  const prefix = literalPrefix(ast);
  return { regex, hint: prefix && escapeRegExp(prefix) };
}

/** A custom pattern as a detector. */
export function customDetector(name: string, { regex, hint }: CompiledPattern): Detector {
  return {
    name,
    hint,
    find(text: string, out: Match[]) {
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        if (m[0].length === 0) {
          regex.lastIndex++; // unreachable for a validated pattern; never loop on an empty match
          continue;
        }
        out.push({ start: m.index, end: m.index + m[0].length, name });
      }
    },
  };
}
