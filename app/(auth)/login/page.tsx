import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { isSsoConfigured } from "@/lib/auth/better-auth";
import { currentUser } from "@/lib/auth/require-page";
import { safeNextPath } from "@/lib/auth/safe-next";
import { countUsers } from "@/lib/data/access/users";
import { firstParam, type SearchParamsRecord } from "@/lib/trace/url-state";

export const metadata: Metadata = { title: "Sign in" };

const SSO_ERRORS: Record<string, string> = { sso: "Single sign-on did not complete: your account or email domain may not be allowed here." };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const params = await searchParams;
  const next = safeNextPath(firstParam(params, "next"));
  if (await currentUser()) redirect(next);
  if ((await countUsers()) === 0) redirect("/setup");
  const error = firstParam(params, "error");
  return (
    <AuthCard title="Sign in">
      <LoginForm next={next} isSsoEnabled={isSsoConfigured()} initialError={error ? (SSO_ERRORS[error] ?? SSO_ERRORS.sso!) : null} />
    </AuthCard>
  );
}
