import { ProjectLink } from "@/components/shell/project-link";
import { buildHref, type SearchParamsRecord } from "@/lib/trace/url-state";

/** Cursor paging: back to the newest page, or on to the next one. */
export function TracePagination({
  params,
  nextCursor,
  isFirstPage,
  shownCount,
}: {
  params: SearchParamsRecord;
  nextCursor: string | null;
  isFirstPage: boolean;
  shownCount: number;
}) {
  const link = "rounded border border-line px-3 py-1 text-sm hover:bg-surface";
  return (
    <nav className="flex items-center justify-between text-sm text-fg-muted" aria-label="Pagination">
      <span>{shownCount === 1 ? "1 trace" : `${shownCount} traces`} on this page</span>
      <div className="flex gap-2">
        {!isFirstPage ? (
          <ProjectLink className={link} href={buildHref("/traces", params, { cursor: null })}>
            ← First page
          </ProjectLink>
        ) : null}
        {nextCursor ? (
          <ProjectLink className={link} href={buildHref("/traces", params, { cursor: nextCursor, live: null })} data-testid="next-page">
            Next page →
          </ProjectLink>
        ) : null}
      </div>
    </nav>
  );
}
