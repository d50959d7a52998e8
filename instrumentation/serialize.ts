/**
 * JSON encoding for attribute values. OTLP attributes cannot hold nested
 * objects portably, so the conventions allow JSON strings; tracing must never
 * break the traced code, so encoding never throws.
 */

/** Encodes any value as JSON text; falls back to `String(value)` for cycles and other unencodable input. */
export function serializeJson(value: unknown): string {
  try {
    const json = JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
    // JSON.stringify returns undefined for functions and symbols.
    return json ?? String(value);
  } catch {
    return String(value);
  }
}

let isContentCaptured = true;

/**
 * Prompts, completions and tool payloads can hold personal data, so hosts may
 * turn their capture off globally (registerHindsight's `captureContent`).
 */
export function setContentCapture(enabled: boolean): void {
  isContentCaptured = enabled;
}

/** Whether helpers record message and tool-payload attributes. */
export function shouldCaptureContent(): boolean {
  return isContentCaptured;
}
