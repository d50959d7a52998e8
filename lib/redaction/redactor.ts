// compileRedaction: a project's configuration → a Redactor that rewrites text before it is stored.
// Cost is the point: ingest passes every span through it. Each detector has a hint, a cheap regular
// expression found in every text it can match; text in which no hint matches (nearly all of it) is
// returned as it came, with no copy, and only the detectors whose hint matched look further.
import { parseRedactionConfig } from "./config";
import { compileCustomPattern, customDetector } from "./custom-pattern";
import { creditCardDetector } from "./detectors/credit-card";
import { emailDetector } from "./detectors/email";
import { ipAddressDetector } from "./detectors/ip-address";
import { phoneDetector } from "./detectors/phone";
import { secretDetector } from "./detectors/secret";
import { buildGates } from "./hint-gates";
import { redactJsonStrings } from "./json-text";
import type { Detector, DetectorName, Match, RedactionConfig } from "./types";

export type Redactor = {
  /** False when nothing is configured: callers may skip redaction altogether. */
  readonly active: boolean;
  /** False only when nothing can match in `text`, nor in the strings it encodes when it is JSON. */
  mayMatch(text: string): boolean;
  /** Plain text (a span name, a status message). */
  redactText(text: string): string;
  /**
   * Text known to be JSON: only string values and keys change, and the result is still valid JSON.
   * Values of `skipKeys` stay. `gated`: the caller already found mayMatch(json) true.
   */
  redactJsonText(json: string, skipKeys?: ReadonlySet<string>, gated?: boolean): string;
  /** Text that may be JSON (a span's input or output): treated as JSON when it parses, else as plain text. */
  redactStoredText(text: string): string;
};

const BUILT_IN: Record<DetectorName, () => Detector> = {
  email: () => emailDetector(),
  phone: () => phoneDetector(),
  credit_card: () => creditCardDetector(),
  secret: () => secretDetector(),
  ip_address: () => ipAddressDetector(),
};

/** JSON escapes that could hide a hint (`\u0040` is `@`, `\/` is `/`): text holding one goes the slow way. */
const HIDING_ESCAPE = /\\(?:\/|u00[2-7])/;
const hasHidingEscape = (text: string) => HIDING_ESCAPE.test(text);
/** How deep JSON inside JSON strings (messages as an attribute's JSON text) is taken apart. */
const MAX_JSON_DEPTH = 4;
const looksLikeJson = (text: string) => /^\s*[[{"]/.test(text);

/**
 * Overlapping matches become one, named after the longest; of two matches of the same text the later
 * detector's name wins (custom patterns come after the built-in detectors: the more specific name).
 * The sort is stable, so equal matches stay in detector order.
 */
function merge(matches: Match[]): Match[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Match[] = [];
  for (const m of matches) {
    const last = merged[merged.length - 1];
    if (!last || m.start >= last.end) merged.push({ ...m });
    else if (m.start === last.start && m.end === last.end) last.name = m.name;
    else if (m.end > last.end) {
      if (m.end - m.start > last.end - last.start) last.name = m.name;
      last.end = m.end;
    }
  }
  return merged;
}

function replace(text: string, matches: Match[]): string {
  let out = "";
  let last = 0;
  for (const { start, end, name } of merge(matches)) {
    out += `${text.slice(last, start)}[REDACTED:${name}]`;
    last = end;
  }
  return out + text.slice(last);
}

class CompiledRedactor implements Redactor {
  readonly active: boolean;
  private readonly hinted: { detector: Detector; hint: RegExp }[];
  private readonly unhinted: Detector[];
  private readonly gates: RegExp[];

  constructor(detectors: Detector[]) {
    this.active = detectors.length > 0;
    this.hinted = detectors.filter((d) => d.hint).map((detector) => ({ detector, hint: new RegExp(detector.hint) }));
    this.unhinted = detectors.filter((d) => !d.hint);
    this.gates = buildGates(this.hinted.map((d) => d.detector.hint));
  }

  mayMatch(text: string): boolean {
    if (this.unhinted.length > 0) return true;
    for (const gate of this.gates) if (gate.test(text)) return true;
    return this.hinted.length > 0 && hasHidingEscape(text);
  }

  redactText(text: string): string {
    const matches: Match[] = [];
    for (const { detector, hint } of this.hinted) if (hint.test(text)) detector.find(text, matches);
    for (const detector of this.unhinted) detector.find(text, matches);
    return matches.length ? replace(text, matches) : text;
  }

  redactJsonText(json: string, skipKeys?: ReadonlySet<string>, gated = false, depth = 0): string {
    if (!gated && !this.mayMatch(json)) return json;
    return (
      redactJsonStrings(
        json,
        skipKeys,
        (raw) => this.mayMatch(raw),
        (value) => this.redactString(value, depth + 1),
      ) ?? this.redactText(json)
    );
  }

  redactStoredText(text: string): string {
    return this.redactString(text, 0);
  }

  /** A decoded string. JSON text inside it is taken apart too, so its escapes (`\n` before a key) neither hide matches nor get cut. */
  private redactString(text: string, depth: number): string {
    if (!this.mayMatch(text)) return text;
    if (depth <= MAX_JSON_DEPTH && looksLikeJson(text)) {
      try {
        JSON.parse(text);
        return this.redactJsonText(text, undefined, true, depth);
      } catch {
        // not JSON after all: plain text
      }
    }
    return this.redactText(text);
  }
}

const cache = new Map<string, Redactor>();
const CACHE_SIZE = 32;

/**
 * Compiles a configuration (validating it: RedactionConfigError says what is wrong). Compiled redactors
 * are cached by configuration, so a normalise worker can call this for every job with the plain settings.
 */
export function compileRedaction(input: unknown): Redactor {
  const config: RedactionConfig = parseRedactionConfig(input);
  const key = JSON.stringify(config);
  const cached = cache.get(key);
  if (cached) return cached;
  const detectors = [
    ...config.detectors.map((name) => BUILT_IN[name]()),
    ...config.patterns.map(({ name, regex }) => customDetector(name, compileCustomPattern(name, regex))),
  ];
  const redactor = new CompiledRedactor(detectors);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, redactor);
  return redactor;
}
