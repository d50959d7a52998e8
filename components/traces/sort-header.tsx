import { ProjectLink } from "@/components/shell/project-link";
import type { TraceSort } from "@/lib/trace/types";
import { buildHref, type SearchParamsRecord } from "@/lib/trace/url-state";

type Props = {
  label: string;
  sort: TraceSort;
  currentSort: TraceSort;
  currentOrder: "asc" | "desc";
  params: SearchParamsRecord;
  align?: "left" | "right";
};

/** Column header that sorts by its column; a second click flips the order. */
export function SortHeader({ label, sort, currentSort, currentOrder, params, align = "left" }: Props) {
  const isActive = sort === currentSort;
  const nextOrder = isActive && currentOrder === "desc" ? "asc" : "desc";
  const href = buildHref("/traces", params, { sort: sort === "time" ? null : sort, order: nextOrder === "desc" ? null : "asc", cursor: null });
  return (
    <th
      scope="col"
      className={`px-2 py-2 font-medium ${align === "right" ? "text-right" : "text-left"}`}
      aria-sort={isActive ? (currentOrder === "asc" ? "ascending" : "descending") : "none"}
    >
      <ProjectLink href={href} className={`hover:text-fg ${isActive ? "text-fg" : ""}`} data-testid={`sort-${sort}`}>
        {label}
        {isActive ? (currentOrder === "asc" ? " ↑" : " ↓") : ""}
      </ProjectLink>
    </th>
  );
}
