// Plain objects in the shape protobufjs encodes for the OTLP schema (lib/ingest/otlp-schema.ts):
// lowerCamelCase field names, ids as Buffers, fixed64 times as {low, high} (protobufjs's LongBits
// reads those directly, so no `long` dependency and no precision loss past 2^53 ns).

export type AnyValue =
  { stringValue: string } | { intValue: number } | { doubleValue: number } | { boolValue: boolean } | { arrayValue: { values: AnyValue[] } };
export type KeyValue = { key: string; value: AnyValue };
export type Fixed64 = { low: number; high: number; unsigned: true };

export type ProtoEvent = { timeUnixNano: Fixed64; name: string; attributes: KeyValue[] };
export type ProtoSpan = {
  traceId: Buffer;
  spanId: Buffer;
  parentSpanId?: Buffer;
  name: string;
  kind: number;
  startTimeUnixNano: Fixed64;
  endTimeUnixNano: Fixed64;
  attributes: KeyValue[];
  events: ProtoEvent[];
  status?: { code: number; message?: string };
};

export type Plain = string | number | boolean | readonly string[];

/** Whole numbers become intValue, the rest doubleValue, as an SDK would type them. */
function anyValue(value: Plain): AnyValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") return Number.isInteger(value) ? { intValue: value } : { doubleValue: value };
  return { arrayValue: { values: value.map((v) => ({ stringValue: v })) } };
}

/** An attribute list from a plain object; undefined values are left out. */
export function attributes(values: Record<string, Plain | undefined>): KeyValue[] {
  const out: KeyValue[] = [];
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out.push({ key, value: anyValue(value) });
  return out;
}

/** Nanoseconds as the two 32-bit halves protobufjs writes for fixed64. */
export function fixed64(ns: bigint): Fixed64 {
  return { low: Number(ns & 0xffffffffn) | 0, high: Number(ns >> 32n) | 0, unsigned: true };
}
