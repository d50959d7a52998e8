// Where redaction applies in what ingest stores. Everything a sender's content can reach is redacted:
// span names, status messages, inputs, outputs, attributes (span, event, link and resource attributes),
// event names, log bodies and log attributes. Left as they are: the id columns (trace, span, parent,
// tool call, session, user: deleting an end user's data finds them by userId; inside the attributes JSON
// the same values are redacted like any attribute), times and numbers (never read as text, so a
// timestamp cannot turn into a card number), and the labels instrumentation code chooses rather than
// the content it carries (span kind and status, model, provider, service, scope, agent and tool names,
// log event names).
// Run it on the normalised batch before anything is queued for storage; it changes the records in place.
import { createHash } from "node:crypto";
import type { SpanLogRecord } from "@/lib/ingest/logs";
import type { ResourceRecord, SpanRecord } from "@/lib/ingest/span-record";
import type { Redactor } from "./redactor";

/** Event times are text in the events JSON; link ids are in the links JSON. */
const EVENT_KEYS_KEPT = new Set(["timeNs"]);
const LINK_KEYS_KEPT = new Set(["traceId", "spanId"]);

/**
 * A span's input and output are built from its attributes and events (lib/ingest/normalise-content.ts):
 * when nothing can match in those, nothing can in the input and output either, and they are not scanned
 * a second time (a chat span's messages are in both, half of its text).
 */
export function redactSpanRecord(redactor: Redactor, span: SpanRecord): SpanRecord {
  span.name = redactor.redactText(span.name);
  if (span.statusMessage !== null) span.statusMessage = redactor.redactText(span.statusMessage);
  const attributesMayMatch = redactor.mayMatch(span.attributes);
  const eventsMayMatch = redactor.mayMatch(span.events);
  if (attributesMayMatch) span.attributes = redactor.redactJsonText(span.attributes, undefined, true);
  if (eventsMayMatch) span.events = redactor.redactJsonText(span.events, EVENT_KEYS_KEPT, true);
  if (attributesMayMatch || eventsMayMatch) {
    if (span.input !== null) span.input = redactor.redactStoredText(span.input);
    if (span.output !== null) span.output = redactor.redactStoredText(span.output);
  }
  if (span.links !== null) span.links = redactor.redactJsonText(span.links, LINK_KEYS_KEPT);
  return span;
}

export function redactLogRecord(redactor: Redactor, log: SpanLogRecord): SpanLogRecord {
  if (log.body !== null) log.body = redactor.redactJsonText(log.body);
  log.attributes = redactor.redactJsonText(log.attributes);
  return log;
}

/**
 * A resource's id is the hash of its attributes text, so a redacted resource gets the id of its redacted
 * text (the original's hash is not stored either), and its spans follow.
 */
export function redactResourceRecord(redactor: Redactor, resource: ResourceRecord): ResourceRecord {
  const attributes = redactor.redactJsonText(resource.attributes);
  if (attributes === resource.attributes) return resource;
  return { id: createHash("sha1").update(attributes).digest("hex"), attributes };
}

/** What the normalise step hands to the store (lib/ingest/store.ts's WriteBatch has this shape). */
type Batch = { spans: SpanRecord[]; resources: ResourceRecord[]; logs?: SpanLogRecord[] };

/**
 * Redacts a normalised batch in place (spans, their resources, log records) and returns it: the one call
 * the normalise step needs, before the batch is queued for storage.
 */
export function redactBatch<B extends Batch>(redactor: Redactor, batch: B): B {
  if (!redactor.active) return batch;
  const renamed = new Map<string, string>();
  batch.resources = batch.resources.map((resource) => {
    const redacted = redactResourceRecord(redactor, resource);
    if (redacted.id !== resource.id) renamed.set(resource.id, redacted.id);
    return redacted;
  });
  for (const span of batch.spans) {
    redactSpanRecord(redactor, span);
    span.resourceId = renamed.get(span.resourceId) ?? span.resourceId;
  }
  for (const log of batch.logs ?? []) redactLogRecord(redactor, log);
  return batch;
}
