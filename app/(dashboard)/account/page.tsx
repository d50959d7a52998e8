import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SimpleShell } from "@/components/shell/simple-shell";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-page";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <SimpleShell user={user}>
      <PageHeader title="Account" subtitle={`${user.name} · ${user.email}`} />
      <section className="flex flex-col gap-2">
        <h2 className="text-base font-semibold">Change password</h2>
        <ChangePasswordForm />
      </section>
    </SimpleShell>
  );
}
