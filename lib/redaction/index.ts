// Redaction at ingest: detectors and custom patterns replace sensitive text with `[REDACTED:<name>]`
// before anything is stored. Pure (no I/O), so it runs the same in the request thread and in normalise workers.
export { compileRedaction, type Redactor } from "./redactor";
export { EMPTY_REDACTION, MAX_PATTERNS, parseRedactionConfig } from "./config";
export { MAX_PATTERN_LENGTH } from "./custom-pattern";
export { redactBatch, redactLogRecord, redactResourceRecord, redactSpanRecord } from "./apply";
export { DETECTOR_NAMES, RedactionConfigError, type CustomPattern, type DetectorName, type RedactionConfig } from "./types";
