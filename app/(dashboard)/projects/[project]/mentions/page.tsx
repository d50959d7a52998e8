import type { Metadata } from "next";
import { CommentMarkdown } from "@/components/collab/comment-markdown";
import { ProjectLink } from "@/components/shell/project-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listCommentsMentioning } from "@/lib/data/collab/comments";
import { formatTimestamp } from "@/lib/format/time";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Mentions" };

/** The comments of this project that mention the signed-in member, newest first, each linked to its trace. */
export default async function MentionsPage({ params }: ProjectPageProps) {
  const caller = await requirePageCaller((await params).project);
  const comments = caller.kind === "user" ? await listCommentsMentioning(caller.scope, caller.user.id) : [];
  return (
    <div className="flex flex-col gap-4 p-4">
      <PageHeader title="Mentions" subtitle="Comments that mention you (type @ in a comment to mention a member)." />
      {comments.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-fg-muted">Nobody has mentioned you yet.</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="mention-list">
          {comments.map((c) => (
            <li key={c.id} className="rounded border border-line p-2" data-testid="mention-item">
              <p className="mb-1 text-xs text-fg-muted">
                <span className="font-medium text-fg">{c.author.name}</span> on{" "}
                <ProjectLink href={`/traces/${c.traceId}${c.spanId ? `?span=${c.spanId}` : ""}`} className="text-accent hover:underline">
                  trace {c.traceId.slice(0, 8)}
                  {c.spanId ? `, span ${c.spanId}` : ""}
                </ProjectLink>{" "}
                · {formatTimestamp(c.createdAt).slice(0, 16)}
              </p>
              <CommentMarkdown body={c.body} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
