import { ExpandableText } from "@/components/ui/expandable-text";
import type { ChatMessage, ChatPart } from "@/lib/trace/chat-messages";
import { stringifyValue } from "@/lib/trace/span-content";

const ROLE_STYLE: Record<string, string> = {
  system: "border-slate-400/50 bg-muted",
  user: "border-sky-500/40 bg-sky-500/5",
  assistant: "border-violet-500/40 bg-violet-500/5",
  tool: "border-amber-500/40 bg-amber-500/5",
};

const RESULT_LABEL = { ok: "Tool result", error: "Tool error", denied: "Tool call denied" } as const;

/** A conversation: one bubble per message, tool calls with their arguments, tool results. All text. */
export function ChatView({ messages, testId }: { messages: ChatMessage[]; testId?: string }) {
  return (
    <ol className="flex flex-col gap-2" data-testid={testId}>
      {messages.map((message, i) => (
        <li
          key={i}
          className={`rounded-md border-l-4 p-2 ${ROLE_STYLE[message.role] ?? "border-line bg-surface"}`}
          data-testid="chat-message"
          data-role={message.role}
        >
          <div className="mb-1 flex items-center gap-2 text-[11px] font-semibold tracking-wide text-fg-muted uppercase">
            {message.role}
            {message.name ? <span className="font-normal normal-case">· {message.name}</span> : null}
            {message.finishReason ? <span className="ml-auto font-normal normal-case">finish: {message.finishReason}</span> : null}
          </div>
          <div className="flex flex-col gap-2">
            {message.parts.length === 0 ? <span className="text-xs text-fg-muted">(no content)</span> : null}
            {message.parts.map((part, j) => (
              <ChatPartView key={j} part={part} />
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}

function ChatPartView({ part }: { part: ChatPart }) {
  switch (part.type) {
    case "text":
      return <ExpandableText text={part.text} maxChars={3000} isCode={false} isCopyable={false} />;
    case "tool_call":
      return (
        <div className="rounded border border-amber-500/40 p-1.5" data-testid="chat-tool-call">
          <div className="mb-1 text-xs">
            <span className="text-fg-muted">Tool call </span>
            <span className="font-mono font-medium">{part.name}</span>
            {part.id ? <span className="ml-1 font-mono text-[10px] text-fg-muted">{part.id}</span> : null}
          </div>
          <ExpandableText text={stringifyValue(part.arguments)} maxChars={2000} />
        </div>
      );
    case "tool_result":
      return (
        <div
          className={`rounded border p-1.5 ${part.status ? "border-danger/50" : "border-line"}`}
          data-testid="chat-tool-result"
          data-status={part.status ?? "ok"}
        >
          <div className="mb-1 text-xs text-fg-muted">
            {RESULT_LABEL[part.status ?? "ok"]}
            {part.name ? ` · ${part.name}` : ""}
            {part.id ? <span className="ml-1 font-mono text-[10px]">{part.id}</span> : null}
          </div>
          <ExpandableText text={stringifyValue(part.content)} maxChars={2000} />
        </div>
      );
    default:
      return <ExpandableText text={stringifyValue(part.value)} maxChars={2000} />;
  }
}
