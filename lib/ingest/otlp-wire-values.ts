// OTLP AnyValue, ArrayValue, KeyValueList and KeyValue straight from the wire into our attribute shape,
// exactly as the general path's anyValueToJs and keyValuesToObject build them (quirks included).
import { OtlpShapeError, type OtlpAttributes, type OtlpValue } from "./otlp-types";
import { base64, DEEPEST_VALUE, enter, int64, known, leave, skip, take, text, type Reader } from "./otlp-wire";

/** One KeyValue into `out`: a later duplicate key wins and a missing value is null (keyValuesToObject). */
export function keyValue(r: Reader, out: OtlpAttributes, level: number, depth: number): void {
  const outer = enter(r, depth);
  let key = "",
    value: OtlpValue = null;
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t === ((1 << 3) | 2)) key = text(r);
    else if (t === ((2 << 3) | 2)) value = anyValue(r, level, depth + 1);
    else skip(r, t, known(2), depth);
  }
  leave(r, outer);
  out[key] = value; // plain assignment, as keyValuesToObject does (even for "__proto__")
}

/**
 * AnyValue. protobufjs keeps every oneof member that was sent (it clears none) and anyValueToJs then
 * takes the first present in the order string, bool, int, double, array, kvlist, bytes, which is the
 * field number: so the lowest field number wins whatever the wire order, and a repeat of it replaces it.
 */
function anyValue(r: Reader, level: number, depth: number): OtlpValue {
  if (level > DEEPEST_VALUE) throw new OtlpShapeError(`attribute value nested deeper than ${DEEPEST_VALUE} levels`);
  const outer = enter(r, depth);
  let best = 8,
    value: OtlpValue = null;
  while (r.pos < r.len) {
    const t = r.uint32(),
      field = t >>> 3;
    let next: OtlpValue = null;
    switch (t) {
      case (1 << 3) | 2:
        next = text(r);
        break;
      case (2 << 3) | 0:
        next = r.bool();
        break;
      case (3 << 3) | 0:
        next = int64(r);
        break;
      case (4 << 3) | 1:
        next = r.double();
        break;
      case (5 << 3) | 2:
      case (6 << 3) | 2: // decoded only when it can still win
        if (field > best) take(r);
        else next = list(r, field === 6, level + 1, depth + 1);
        break;
      case (7 << 3) | 2:
        next = base64(r);
        break;
      default:
        skip(r, t, known(7), depth);
        continue;
    }
    if (field <= best) {
      best = field;
      value = next;
    }
  }
  leave(r, outer);
  return value;
}

/** ArrayValue or KeyValueList (both: repeated field 1). */
function list(r: Reader, kv: boolean, level: number, depth: number): OtlpValue[] | OtlpAttributes {
  const outer = enter(r, depth),
    out: OtlpValue[] | OtlpAttributes = kv ? {} : [];
  while (r.pos < r.len) {
    const t = r.uint32();
    if (t !== ((1 << 3) | 2)) skip(r, t, known(1), depth);
    else if (Array.isArray(out)) out.push(anyValue(r, level, depth + 1));
    else keyValue(r, out, level, depth + 1);
  }
  leave(r, outer);
  return out;
}
