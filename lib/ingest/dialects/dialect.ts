// What a dialect is: how one instrumentation library's spans differ from the generic reading in
// lib/ingest/normalise-*.ts. The generic reading follows the conventions (OTel GenAI, OpenInference, Vercel
// AI SDK, OpenLLMetry, Langfuse); a dialect only says where a library departs from them. Every member is
// optional, and a reader that returns undefined leaves the generic value in place, so a dialect stays a short
// table of the library's quirks. docs/frameworks.md lists the dialects and what each reads.
import type { Kind } from "@/lib/trace/types";
import type { Identity } from "../normalise-identity";
import type { Usage } from "../normalise-usage";
import type { InstrumentationScope as Scope, OtlpAttributes, OtlpEvent } from "../otlp-types";

export type { Scope };
import type { SpanRecord } from "../span-record";

/** The instrumentation scope a span came in (`version` null when the sender gave none). */

/** What a dialect sees of one span. */
export type DialectSpan = { name: string; attrs: OtlpAttributes; events: OtlpEvent[]; scope: Scope };

export type Dialect = {
  /** Stable name, used in docs/frameworks.md and the tests. */
  id: string;
  /** Whether this dialect reads the span (mostly: its scope name). */
  matches(span: DialectSpan): boolean;
  kind?(span: DialectSpan): Kind | undefined;
  /** Fields replacing the generic ones; a key given as null clears the generic value. */
  identity?(span: DialectSpan, kind: Kind, generic: Identity): Partial<Identity>;
  /** Token counts replacing the generic ones (e.g. read from a raw provider response the span carries). */
  usage?(span: DialectSpan, kind: Kind): Partial<Omit<Usage, "reportedCostUsd">> | undefined;
  /** The stored input/output (a structured value, or RawText for attribute text kept verbatim). */
  input?(span: DialectSpan, kind: Kind): unknown;
  output?(span: DialectSpan, kind: Kind): unknown;
  /** Records a span implies beyond itself (a denied tool approval leaves no span of its own). */
  derive?(span: DialectSpan, record: SpanRecord): SpanRecord[];
};
