// The shapes redaction works with: a project's plain configuration (what the API stores and what a
// normalise worker receives) and the matches detectors report.

export const DETECTOR_NAMES = ["email", "phone", "credit_card", "secret", "ip_address"] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

export type CustomPattern = { name: string; regex: string };

/** A project's redaction settings as stored: plain data, cheap to send to a worker and compile there. */
export type RedactionConfig = { detectors: DetectorName[]; patterns: CustomPattern[] };

/** A stretch of text to replace with `[REDACTED:<name>]`; `end` is exclusive. */
export type Match = { start: number; end: number; name: string };

/**
 * One kind of sensitive text. `hint` is a regular-expression source that matches somewhere in every
 * text in which `find` can report anything, also when that text is the JSON encoding of the string
 * `find` will see (so no word boundaries in it: `\n` is two characters there): redaction first tests
 * all hints at once and skips the text when none matches, which is what most text is.
 */
export type Detector = { name: string; hint: string; find(text: string, out: Match[]): void };

/** Thrown for a configuration that cannot be used; the message says what to change. */
export class RedactionConfigError extends Error {}
