import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { signInErrorMessage } from "@/lib/access/sso-policy";
import { isSsoConfigured } from "@/lib/auth/better-auth";
import { currentUser } from "@/lib/auth/require-page";
import { safeNextPath } from "@/lib/auth/safe-next";
import { countUsers } from "@/lib/data/access/users";
import { firstParam, type SearchParamsRecord } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const next = safeNextPath(firstParam(params, "next"));
  if (await currentUser()) redirect(next);
  if ((await countUsers()) === 0) redirect("/setup");
  // A failed single sign-on comes back as ?error=sso&error=<reason>.
  const errors = [params.error ?? []].flat();
  return (
    <AuthCard title="Sign in">
      <LoginForm next={next} isSsoEnabled={isSsoConfigured()} initialError={signInErrorMessage(errors)} />
    </AuthCard>
  );
}
