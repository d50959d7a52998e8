import type { Metadata } from "next";
import { MembersPanel } from "@/components/settings/members-panel";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/caller";
import { requirePageCaller } from "@/lib/auth/require-page";
import { listMembers } from "@/lib/data/access/members";
import type { ProjectPageProps } from "@/lib/trace/page-props";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: ProjectPageProps) {
  const caller = await requirePageCaller((await params).project);
  const members = await listMembers(caller.scope);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Members"
        subtitle="Viewers read everything in the project; members also change alert rules and work on retros; admins also manage prices, keys, members and data."
      />
      <MembersPanel projectSlug={caller.project.slug} members={members} currentUserId={caller.user?.id ?? ""} canManage={can(caller, "admin")} />
    </div>
  );
}
