import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RetroView } from "@/components/collab/retro-view";
import { retroDetail } from "@/lib/api/collab/retro-detail";
import { can } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/require-page";
import { findRetro } from "@/lib/data/collab/retros";
import { getRequestTimeMs } from "@/lib/format/time";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Retro" };

export default async function RetroPage({ params }: ProjectPageProps<{ id: string }>) {
  const { project, id } = await params;
  const caller = await requirePageCaller(project);
  const retro = await findRetro(caller.scope, decodeURIComponent(id));
  if (!retro) notFound();
  return (
    <RetroView projectSlug={caller.project.slug} retro={await retroDetail(caller.scope, retro)} canEdit={can(caller, "write")} nowMs={getRequestTimeMs()} />
  );
}
