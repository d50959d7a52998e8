// Converts OTLP AnyValue / KeyValue lists (protobuf-decoded or OTLP/JSON) into plain JS values.
import { OtlpShapeError, type OtlpAttributes, type OtlpValue } from "./otlp-types";

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** int64 arrives as Long (protobuf), string or number (JSON); keep it a number when it is exact. */
export function int64ToValue(raw: unknown): number | string {
  if (typeof raw === "number") return raw;
  if (typeof raw === "object" && raw !== null && "low" in raw && "high" in raw) {
    const { low, high } = raw;
    // A Long from protobufjs; from JSON, anything: BigInt() would throw a RangeError (answered 500) on 1.5.
    if (!Number.isInteger(low) || !Number.isInteger(high)) throw new OtlpShapeError("intValue must be an integer or decimal text");
    const big = (BigInt(high as number) << 32n) | BigInt((low as number) >>> 0);
    return Number.isSafeInteger(Number(big)) ? Number(big) : big.toString();
  }
  const text = typeof raw === "string" ? raw : String(raw);
  if (!/^-?\d+$/.test(text)) throw new OtlpShapeError(`intValue "${text.slice(0, 40)}" is not an integer`);
  const asNumber = Number(text);
  return Number.isSafeInteger(asNumber) ? asNumber : text;
}

/** AnyValue in either encoding: `{ stringValue }`, `{ intValue }`, … (protobufjs uses the same names). */
export function anyValueToJs(value: unknown, depth = 0): OtlpValue {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) throw new OtlpShapeError("attribute value must be an AnyValue object");
  if (depth > 32) throw new OtlpShapeError("attribute value nested deeper than 32 levels");
  // Own properties only: protobufjs puts proto3 defaults ("" / 0 / false) on the prototype, so an
  // inherited stringValue "" would shadow the member of the oneof that was really sent.
  const has = (key: string) => Object.hasOwn(value, key) && value[key] !== null && value[key] !== undefined;
  if (has("stringValue")) return String(value.stringValue);
  if (has("boolValue")) return Boolean(value.boolValue);
  if (has("intValue")) return int64ToValue(value.intValue);
  if (has("doubleValue")) return Number(value.doubleValue);
  if (has("arrayValue") && isRecord(value.arrayValue)) {
    const values = value.arrayValue.values;
    return Array.isArray(values) ? values.map((item) => anyValueToJs(item, depth + 1)) : [];
  }
  if (has("kvlistValue") && isRecord(value.kvlistValue)) return keyValuesToObject(value.kvlistValue.values, depth + 1);
  if (has("bytesValue")) {
    const bytes = value.bytesValue;
    if (typeof bytes === "string") return bytes;
    // Bytes from protobuf; from JSON only base64 text is valid (Buffer.from threw a TypeError on an object).
    if (bytes instanceof Uint8Array) return Buffer.from(bytes).toString("base64");
    throw new OtlpShapeError("bytesValue must be base64 text");
  }
  return null;
}

/** A repeated KeyValue as an object; later duplicates win, as most SDKs would have it. */
export function keyValuesToObject(list: unknown, depth = 0): OtlpAttributes {
  const out: OtlpAttributes = {};
  if (list === undefined || list === null) return out;
  if (!Array.isArray(list)) throw new OtlpShapeError("attributes must be an array of { key, value }");
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry.key !== "string") throw new OtlpShapeError("attribute without a string key");
    out[entry.key] = anyValueToJs(entry.value, depth);
  }
  return out;
}
