// The span attributes retro analysis reads: step signatures (the operation and the model attributes),
// approvals, and the failure classifier's attribute sources. A caller that loads spans for it can pick
// these instead of parsing every attribute (message payloads are most of a span's attribute text).
import { FINISH_REASON_ATTRIBUTES, HTTP_STATUS_ATTRIBUTES } from "@/lib/retro/failure-signals";
import { MODEL_ATTRIBUTES } from "@/lib/retro/signature";
import { APPROVAL_DECISION } from "@/lib/retro/trace-index";

export const RETRO_ATTRIBUTE_KEYS: readonly string[] = [
  "gen_ai.operation.name",
  ...MODEL_ATTRIBUTES,
  APPROVAL_DECISION,
  "error.type",
  ...HTTP_STATUS_ATTRIBUTES,
  ...FINISH_REASON_ATTRIBUTES,
];
