import type { Metadata } from "next";
import { headers } from "next/headers";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { countUsers } from "@/lib/data/access/users";
import { getRequestOrigin } from "@/lib/format/request-origin";

export const metadata: Metadata = { title: "Set up Hindsight" };

/**
 * The form only while no user exists; afterwards a pointer to sign-in. Signing in at setup re-renders
 * this page (before the new cookie is part of any request), and the same tree must come back so the
 * form's state, the onboarding with the new key, survives.
 */
export default async function SetupPage() {
  const isSetUp = (await countUsers()) > 0;
  return (
    <AuthCard title="Set up Hindsight" subtitle={isSetUp ? undefined : "Create the first administrator. They can then invite the rest of the team."}>
      <SetupForm endpoint={getRequestOrigin(await headers())} isSetUp={isSetUp} />
    </AuthCard>
  );
}
