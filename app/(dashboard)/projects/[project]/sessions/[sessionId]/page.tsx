import type { ReactNode } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionTurns } from "@/components/sessions/session-turns";
import { CostText } from "@/components/ui/cost-text";
import { PageHeader } from "@/components/ui/page-header";
import { formatDuration } from "@/lib/format/duration";
import { formatTimestamp } from "@/lib/format/time";
import { formatTokensExact } from "@/lib/format/tokens";
import { getSession, MAX_SESSION_TURNS } from "@/lib/data/traces/sessions";
import { requirePageCaller } from "@/lib/auth/require-page";
import { projectPath } from "@/lib/format/project-path";

type Props = { params: Promise<{ project: string; sessionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Session ${decodeURIComponent((await params).sessionId)}` };
}

export default async function SessionPage({ params }: Props) {
  const { project, sessionId: rawSessionId } = await params;
  const caller = await requirePageCaller(project);
  const sessionId = decodeURIComponent(rawSessionId);
  const session = await getSession(caller.scope, sessionId);
  if (!session) notFound();
  const { summary } = session;
  const facts: [string, ReactNode][] = [
    ["Turns", summary.turnCount >= MAX_SESSION_TURNS ? `first ${MAX_SESSION_TURNS}` : summary.turnCount],
    ["Started", formatTimestamp(summary.firstStartTime).slice(0, 19)],
    ["Total duration", formatDuration(summary.totalDurationMs)],
    ["Tokens", formatTokensExact(summary.totalTokens)],
    ["Cost", summary.costUsd == null && !summary.hasUnpriced ? "—" : <CostText usd={summary.costUsd} hasUnpriced={summary.hasUnpriced} />],
    ["User", summary.userId ?? "—"],
  ];
  return (
    <div className="flex flex-col gap-4 p-4" data-testid="session-page">
      <Link href={projectPath(caller.project.slug, "/sessions")} className="text-sm text-fg-muted hover:text-fg">
        ← Sessions
      </Link>
      <PageHeader title={<span className="font-mono">{sessionId}</span>} subtitle="Session" />
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="session-summary">
        {facts.map(([label, value]) => (
          <div key={label} className="flex gap-1.5">
            <dt className="text-fg-muted">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <SessionTurns turns={session.turns} />
    </div>
  );
}
