import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { InviteForm } from "@/components/auth/invite-form";
import { findInvitation } from "@/lib/data/access/invitations";

export const metadata: Metadata = { title: "Join a project" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const invitation = await findInvitation((await params).token);
  if (!invitation) return <AuthCard title="Invitation not found" subtitle="This invitation link is not valid. Ask a project admin for a new one." />;
  if (invitation.state === "expired") {
    return (
      <AuthCard
        title="Invitation expired"
        subtitle={`This invitation expired at ${invitation.expiresAt}. Ask a project admin of ${invitation.projectName} for a new one.`}
      />
    );
  }
  if (invitation.state === "accepted") {
    return (
      <AuthCard title="Invitation used" subtitle="This invitation was accepted already.">
        <Link href="/login" className="text-sm text-accent hover:underline">
          Sign in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Join ${invitation.projectName}`} subtitle={`You were invited as ${invitation.role}. Choose your password to sign in.`}>
      <InviteForm token={(await params).token} email={invitation.email} />
    </AuthCard>
  );
}
