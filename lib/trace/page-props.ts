// The props Next.js gives pages under /projects/[project]. Pure types.
import type { SearchParamsRecord } from "./url-state";

export type ProjectParams<Extra = object> = Promise<{ project: string } & Extra>;
export type ProjectPageProps<Extra = object> = { params: ProjectParams<Extra>; searchParams: Promise<SearchParamsRecord> };
