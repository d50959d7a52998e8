// Ways to break an encoded or JSON-shaped OTLP body: JSON-level replacements (wrong types, huge numbers,
// deep nesting, removed fields), byte-level edits (flips, truncation, splices, huge length prefixes,
// invalid UTF-8), and values nested past the decoders' limits.
import fc from "fast-check";
import protobuf from "protobufjs";
import type { Json } from "./otlp-arbitraries";

// JSON-level mutations: a value anywhere in the request replaced by something of the wrong kind.
const HOSTILE: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 64,
    "18446744073709551616",
    "99999999999999999999999999",
    "-5",
    "1e3",
    "",
    "zz",
    [],
    {},
    [[]],
    { low: 1.5, high: "x" },
    { low: 1, high: 2 },
    { __proto__: null },
  ),
  fc.integer().map((n) => n as Json),
  fc.string({ unit: "binary", maxLength: 10 }),
  fc.integer({ min: 30, max: 1000 }).map((depth) => nested(depth)),
  fc.integer({ min: 30, max: 60 }).map((depth) => nestedAnyValue(depth)),
);

function nested(depth: number): Json {
  let value: Json = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

export function nestedAnyValue(depth: number): Json {
  let value: Json = { stringValue: "leaf" };
  for (let i = 0; i < depth; i++) value = { arrayValue: { values: [value] } };
  return value;
}

/** Paths to the values of a JSON tree, down to 24 levels (below that are only the deep nests mutations plant). */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (prefix.length >= 24) return out;
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

/** Applies `count` replacements or deletions at positions chosen by `picks` (numbers in [0, 1)). */
export function mutateJson(request: Json, replacements: { pick: number; value: Json; remove: boolean }[]): Json {
  const copy = JSON.parse(JSON.stringify(request)) as Json; // structuredClone overflows the stack on deep nests
  for (const { pick, value, remove } of replacements) {
    const all = paths(copy).filter((p) => p.length > 0);
    const path = all[Math.floor(pick * all.length)];
    if (!path) break; // the whole request was replaced by a scalar
    let parent = copy as Record<string | number, Json>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
    const last = path[path.length - 1]!;
    if (remove && !Array.isArray(parent)) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

export const jsonMutations = fc.array(
  fc.record({ pick: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), value: HOSTILE, remove: fc.boolean() }),
  { minLength: 1, maxLength: 3 },
);

export type ByteMutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "set"; at: number; byte: number }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "delete"; at: number; length: number }
  | { kind: "truncate"; at: number }
  | { kind: "duplicate"; at: number; length: number };

const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const BAD_BYTES = [
  Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f), // a length or varint near 2^32
  Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), // the largest varint
  Uint8Array.of(0xc3, 0x28), // invalid UTF-8
  Uint8Array.of(0xed, 0xa0, 0x80), // a UTF-8-encoded surrogate
  Uint8Array.of(0x0b), // wire type 3 (start group)
  Uint8Array.of(0x0f), // wire type 7 (invalid)
];

export const byteMutations: fc.Arbitrary<ByteMutation[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant("set" as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: position,
      bytes: fc.oneof(fc.constantFrom(...BAD_BYTES), fc.uint8Array({ minLength: 1, maxLength: 8 })),
    }),
    fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 16 }) }),
    fc.record({ kind: fc.constant("truncate" as const), at: position }),
    fc.record({ kind: fc.constant("duplicate" as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  ),
  { minLength: 1, maxLength: 4 },
);

export function mutateBytes(bytes: Uint8Array, mutations: ByteMutation[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const at = Math.floor(m.at * (out.length + 1));
    switch (m.kind) {
      case "flip":
        if (at < out.length) out[at]! ^= 1 << m.bit;
        break;
      case "set":
        if (at < out.length) out[at] = m.byte;
        break;
      case "insert":
        out = Buffer.concat([out.subarray(0, at), m.bytes, out.subarray(at)]);
        break;
      case "delete":
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
        break;
      case "truncate":
        out = out.subarray(0, at);
        break;
      case "duplicate":
        out = Buffer.concat([out.subarray(0, at + m.length), out.subarray(at)]);
        break;
    }
  }
  return new Uint8Array(out);
}

/** Protobuf length-delimited field: tag, length, bytes. */
function field(number: number, bytes: Uint8Array): Uint8Array {
  const w = protobuf.Writer.create();
  w.uint32((number << 3) | 2).bytes(bytes);
  return w.finish();
}

/** An AnyValue of `depth` nested ArrayValues around a string. */
function deepAnyValueBytes(depth: number): Uint8Array {
  let value = field(1, Buffer.from("leaf")); // AnyValue { string_value }
  for (let i = 0; i < depth; i++) value = field(5, field(1, value)); // AnyValue { array_value: ArrayValue { values } }
  return value;
}

/**
 * One more ResourceSpans (or ResourceLogs) holding a deep value, appended to an encoded request (repeated
 * top-level fields concatenate): a span with a deep attribute, or a log record with a deep body.
 */
export function deepProtobufGroup(type: protobuf.Type, depth: number): Uint8Array {
  const value = deepAnyValueBytes(depth);
  const ids = Buffer.concat([field(1, Buffer.alloc(16, 0x7d)), field(2, Buffer.alloc(8, 0x7d))]);
  const time = Buffer.from([0x39, ...Buffer.from(new BigUint64Array([1_700_000_000_000_000_000n]).buffer)]); // fixed64 field 7
  if (type.name === "ExportTraceServiceRequest") {
    const span = Buffer.concat([ids, time, field(9, Buffer.concat([field(1, Buffer.from("deep")), field(2, value)]))]);
    return field(1, field(2, field(2, span)));
  }
  const record = Buffer.concat([field(5, value), field(9, Buffer.alloc(16, 0x7d)), field(10, Buffer.alloc(8, 0x7d))]);
  return field(1, field(2, field(2, record)));
}

/** Adds an attribute nested `depth` levels deep to the first attribute list of the request. */
export function plantDeep(request: Json, depth: number): Json {
  const visit = (value: Json): boolean => {
    if (Array.isArray(value)) return value.some(visit);
    if (!value || typeof value !== "object") return false;
    if (Array.isArray(value.attributes)) {
      value.attributes.push({ key: "deep", value: nestedAnyValue(depth) });
      return true;
    }
    return Object.values(value).some(visit);
  };
  visit(request);
  return request;
}
