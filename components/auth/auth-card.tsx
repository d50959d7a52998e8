import type { ReactNode } from "react";

/** The centred card of the pages outside the dashboard (sign-in, setup, invitations). */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children?: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-surface p-4">
      <div className="flex w-full max-w-md flex-col gap-4 rounded-lg border border-line bg-bg p-6 shadow-sm">
        <div>
          <div className="text-sm font-semibold tracking-tight text-accent">Hindsight</div>
          <h1 className="mt-1 text-lg font-semibold">{title}</h1>
          {subtitle ? <p className="mt-1 text-sm text-fg-muted">{subtitle}</p> : null}
        </div>
        {children}
      </div>
    </main>
  );
}
