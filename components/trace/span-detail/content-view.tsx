import { ChatView } from "@/components/trace/span-detail/chat-view";
import { JsonBlock } from "@/components/trace/span-detail/json-block";
import { normaliseChatMessages } from "@/lib/trace/chat-messages";
import { hasContent } from "@/lib/trace/span-content";
import type { Span } from "@/lib/trace/types";

/**
 * What went in and came out of a span: a conversation for LLM spans (when the shape is recognised),
 * arguments and result for tools, input and output otherwise.
 */
export function ContentView({ span }: { span: Span }) {
  const isTool = span.kind === "tool";
  const [inputTitle, outputTitle] = isTool ? ["Arguments", "Result"] : ["Input", "Output"];
  if (!hasContent(span.input) && !hasContent(span.output)) {
    return <p className="text-xs text-fg-muted">This span recorded no input or output.</p>;
  }
  return (
    <div className="flex flex-col gap-4">
      {hasContent(span.input) ? <Block span={span} which="input" title={inputTitle} /> : null}
      {hasContent(span.output) ? <Block span={span} which="output" title={outputTitle} /> : null}
    </div>
  );
}

function Block({ span, which, title }: { span: Span; which: "input" | "output"; title: string }) {
  const value = span[which];
  const isChatKind = span.kind === "llm" || span.kind === "agent" || span.kind === "chain";
  // A chain's bare text is a value (a LangGraph routing decision such as "tools" or "__end__"), not a message.
  const isPlainValue = span.kind === "chain" && typeof value === "string";
  const messages = isChatKind && !isPlainValue ? normaliseChatMessages(value, { defaultRole: which === "input" ? "user" : "assistant" }) : null;
  const testId = `span-${which}`;
  if (messages) {
    return (
      <section className="flex flex-col gap-1" data-testid={testId}>
        <h3 className="text-xs font-semibold tracking-wide text-fg-muted uppercase">{title}</h3>
        <ChatView messages={messages} testId={`chat-${which}`} />
      </section>
    );
  }
  return <JsonBlock title={title} value={value} testId={testId} />;
}
