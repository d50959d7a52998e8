/**
 * Chat message shapes of the OTel GenAI conventions (v1.37+ "parts" format).
 * Field names stay snake_case (`finish_reason`, `mime_type`) because these
 * objects are serialised as-is into `gen_ai.*.messages` attributes.
 */

export type TextPart = { type: "text"; content: string };
export type ReasoningPart = { type: "reasoning"; content: string };
export type ToolCallRequestPart = { type: "tool_call"; id: string | null; name: string; arguments?: unknown };
export type ToolCallResponsePart = { type: "tool_call_response"; id: string | null; response: unknown };
export type BlobPart = { type: "blob"; modality: string; mime_type?: string; content: string };
export type UriPart = { type: "uri"; modality: string; mime_type?: string; uri: string };
export type FilePart = { type: "file"; modality: string; mime_type?: string; file_id: string };

export type MessagePart = TextPart | ReasoningPart | ToolCallRequestPart | ToolCallResponsePart | BlobPart | UriPart | FilePart;

export type ChatRole = "system" | "user" | "assistant" | "tool";
export type FinishReason = "stop" | "length" | "content_filter" | "tool_call" | "error";

export type InputMessage = { role: ChatRole; parts: MessagePart[]; name?: string };
export type OutputMessage = InputMessage & { finish_reason: FinishReason };

/** Anything the helpers accept as "what was said": plain text or structured messages. */
export type MessagesInput = string | InputMessage[];

/** Builds a one-part text message: the common case for prompts and answers. */
export function createTextMessage(role: ChatRole, content: string): InputMessage {
  return { role, parts: [{ type: "text", content }] };
}

/** Normalises prompt input: a bare string is the user's turn. */
export function toInputMessages(input: MessagesInput): InputMessage[] {
  return typeof input === "string" ? [createTextMessage("user", input)] : input;
}

/** Normalises final output: a bare string is a completed assistant turn. */
export function toOutputMessages(output: string | OutputMessage[]): OutputMessage[] {
  return typeof output === "string" ? [{ ...createTextMessage("assistant", output), finish_reason: "stop" }] : output;
}

/** System instructions are a list of parts, not messages, in the conventions. */
export function toSystemInstructions(instructions: string | MessagePart[]): MessagePart[] {
  return typeof instructions === "string" ? [{ type: "text", content: instructions }] : instructions;
}
