import type { ReactNode } from "react";
import Link from "next/link";
import { UserMenu } from "@/components/shell/user-menu";

/** The frame of the pages outside a project (the project list, the account). */
export function SimpleShell({ user, children }: { user: { email: string; isAdmin: boolean }; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-12 items-center justify-between border-b border-line bg-surface px-4">
        <Link href="/" className="text-sm font-semibold tracking-tight">
          Hindsight
        </Link>
        <div className="w-64">
          <UserMenu email={user.email} isInstanceAdmin={user.isAdmin} />
        </div>
      </header>
      <main className="mx-auto flex w-full max-w-4xl flex-col gap-6 p-6">{children}</main>
    </div>
  );
}
