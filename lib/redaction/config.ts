// Reading a redaction configuration from untrusted JSON (the project settings API), with a message
// that names what is wrong. compileRedaction (redactor.ts) checks the same things again, so a stored
// configuration is never trusted blindly.
import { DETECTOR_NAMES, RedactionConfigError, type CustomPattern, type DetectorName, type RedactionConfig } from "./types";

export const MAX_PATTERNS = 32;
/** Names end up inside `[REDACTED:<name>]` in stored text (JSON strings included): no brackets, quotes or backslashes. */
const PATTERN_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export const EMPTY_REDACTION: RedactionConfig = { detectors: [], patterns: [] };

/** Checks the names (not yet the regexes) and returns the configuration in canonical form. */
export function parseRedactionConfig(input: unknown): RedactionConfig {
  if (!isRecord(input)) throw new RedactionConfigError("redaction settings must be an object { detectors, patterns }");
  const { detectors = [], patterns = [] } = input;
  if (!Array.isArray(detectors)) throw new RedactionConfigError("detectors must be an array");
  if (!Array.isArray(patterns)) throw new RedactionConfigError("patterns must be an array");
  const chosen = new Set<DetectorName>();
  for (const detector of detectors) {
    if (!DETECTOR_NAMES.includes(detector as DetectorName)) {
      throw new RedactionConfigError(`unknown detector ${JSON.stringify(detector)}: use ${DETECTOR_NAMES.join(", ")}`);
    }
    chosen.add(detector as DetectorName);
  }
  if (patterns.length > MAX_PATTERNS) throw new RedactionConfigError(`at most ${MAX_PATTERNS} custom patterns`);
  const names = new Set<string>();
  const custom: CustomPattern[] = patterns.map((pattern, i) => {
    if (!isRecord(pattern) || typeof pattern.name !== "string" || typeof pattern.regex !== "string") {
      throw new RedactionConfigError(`patterns[${i}] must be { name: string, regex: string }`);
    }
    const { name, regex } = pattern;
    if (!PATTERN_NAME.test(name)) {
      throw new RedactionConfigError(`patterns[${i}].name ${JSON.stringify(name)}: 1-64 letters, digits, "_", "." or "-", starting with a letter or digit`);
    }
    if (names.has(name) || DETECTOR_NAMES.includes(name as DetectorName)) {
      throw new RedactionConfigError(`patterns[${i}].name "${name}" is already used by ${names.has(name) ? "another pattern" : "a built-in detector"}`);
    }
    names.add(name);
    return { name, regex };
  });
  // Canonical order, so equal settings compare (and cache) equal.
  return { detectors: DETECTOR_NAMES.filter((d) => chosen.has(d)), patterns: custom };
}
