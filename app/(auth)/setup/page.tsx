import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { countUsers } from "@/lib/data/access/users";
import { getRequestOrigin } from "@/lib/format/request-origin";

export const metadata: Metadata = { title: "Set up Hindsight" };

/** Only while no user exists: afterwards there is nothing to set up here (404). */
export default async function SetupPage() {
  if ((await countUsers()) > 0) notFound();
  return (
    <AuthCard title="Set up Hindsight" subtitle="Create the first administrator. They can then invite the rest of the team.">
      <SetupForm endpoint={getRequestOrigin(await headers())} />
    </AuthCard>
  );
}
