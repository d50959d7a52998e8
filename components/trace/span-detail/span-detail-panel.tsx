"use client";

import { useState } from "react";
import { ApprovalSummary } from "@/components/trace/span-detail/approval-summary";
import { ScoreList } from "@/components/quality/score-list";
import { SpanComments, useSpanCommentCount } from "@/components/collab/trace-thread";
import { ContentView } from "@/components/trace/span-detail/content-view";
import { ExceptionList } from "@/components/trace/span-detail/exception-list";
import { KeyValueList } from "@/components/trace/span-detail/key-value-list";
import { SpanEvents } from "@/components/trace/span-detail/span-events";
import { SpanDetailHeader } from "@/components/trace/span-detail/span-detail-header";
import { UsageSummary } from "@/components/trace/span-detail/usage-summary";
import { ExpandableText } from "@/components/ui/expandable-text";
import { extractExceptions, stringifyValue } from "@/lib/trace/span-content";
import type { SpanNode } from "@/lib/trace/span-tree";
import type { Score } from "@/lib/quality/score-types";
import type { Span } from "@/lib/trace/types";
import type { UsageAggregate } from "@/lib/trace/subtree-aggregates";
import type { SpanDetailState } from "@/components/trace/use-span-detail";

const TABS = ["Content", "Usage", "Attributes", "Resource", "Events", "JSON", "Comments"] as const;
type Tab = (typeof TABS)[number];

type Props = {
  node: SpanNode;
  /** The full span, loaded on selection. */
  detail: SpanDetailState;
  aggregate: UsageAggregate;
  originMs: number;
  onZoomTo: (spanId: string) => void;
  /** Scores of this span. */
  scores?: readonly Score[];
};

/** Everything about one span. Only the open tab renders, so a huge attribute set costs nothing until asked for. */
export function SpanDetailPanel({ node, detail, aggregate, originMs, onZoomTo, scores = [] }: Props) {
  const [tab, setTab] = useState<Tab>("Content");
  const span = detail.span;
  // Null outside a page that holds comments (a shared trace): no Comments tab there.
  const commentCount = useSpanCommentCount(node.spanId);
  const tabs = commentCount === null ? TABS.filter((name) => name !== "Comments") : TABS;
  const counts: Partial<Record<Tab, number>> = span
    ? { Attributes: Object.keys(span.attributes).length, Resource: Object.keys(span.resourceAttributes).length, Events: span.events.length }
    : {};
  if (commentCount) counts.Comments = commentCount;

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="span-detail" data-span-id={node.spanId} data-loaded={span ? "true" : "false"}>
      <SpanDetailHeader node={node} span={span} originMs={originMs} onZoomTo={onZoomTo} />
      {scores.length > 0 ? (
        <div className="flex shrink-0 flex-wrap items-center gap-2 px-3 pb-2 text-xs" data-testid="span-scores">
          <span className="text-fg-muted">Scores</span>
          <ScoreList scores={scores} testId="span-score-list" />
        </div>
      ) : null}
      <div role="tablist" className="flex shrink-0 gap-1 border-b border-line px-2 text-xs">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
            className={`-mb-px border-b-2 px-2 py-1.5 ${tab === name ? "border-accent text-fg" : "border-transparent text-fg-muted hover:text-fg"}`}
          >
            {name}
            {counts[name] ? <span className="ml-1 text-fg-muted">{counts[name]}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto p-3">
        {detail.isLoading ? (
          <p className="text-xs text-fg-muted" aria-busy="true">
            Loading span…
          </p>
        ) : null}
        {detail.error ? (
          <p role="alert" className="text-xs text-danger">
            {detail.error}
          </p>
        ) : null}
        {tab === "Comments" ? <SpanComments spanId={node.spanId} /> : span ? <SpanTabContent tab={tab} span={span} node={node} aggregate={aggregate} /> : null}
      </div>
    </div>
  );
}

function SpanTabContent({ tab, span, node, aggregate }: { tab: Tab; span: Span; node: SpanNode; aggregate: UsageAggregate }) {
  return (
    <>
      <ExceptionList exceptions={extractExceptions(span)} />
      {tab === "Content" && span.kind === "approval" ? <ApprovalSummary span={span} /> : null}
      {tab === "Content" ? <ContentView span={span} /> : null}
      {tab === "Usage" ? <UsageSummary span={span} aggregate={aggregate} hasChildren={node.children.length > 0} /> : null}
      {tab === "Attributes" ? <KeyValueList values={span.attributes} testId="span-attributes" /> : null}
      {tab === "Resource" ? <KeyValueList values={span.resourceAttributes} testId="span-resource" /> : null}
      {tab === "Events" ? <SpanEvents events={span.events} /> : null}
      {tab === "JSON" ? <ExpandableText text={stringifyValue(span)} maxChars={20_000} testId="span-json" /> : null}
    </>
  );
}
