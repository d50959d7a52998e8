import { ProjectLink } from "@/components/shell/project-link";

/** Says how many of the range's runs (`total`, the dashboard's own count) have calls no price covers, and where to fix it. */
export function UnpricedNotice({ unpriced, total }: { unpriced: number; total: number }) {
  if (unpriced === 0) return null;
  const runs = `${unpriced.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} run${total === 1 ? "" : "s"}`;
  return (
    <p className="rounded-lg border border-line bg-surface px-3 py-2 text-sm" data-testid="unpriced-notice" role="note">
      <span className="font-medium text-danger">Unpriced: </span>
      {runs} in this range called a model with no known price; those calls count as $0 here.{" "}
      <ProjectLink href="/settings" className="underline">
        Add the price in Settings
      </ProjectLink>{" "}
      and stored costs are recomputed.
    </p>
  );
}
