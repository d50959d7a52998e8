import Link from "next/link";
import { signOut } from "@/lib/actions/session";

/** The signed-in user at the foot of the sidebar: their account, and sign-out. */
export function UserMenu({ email, isInstanceAdmin }: { email: string; isInstanceAdmin: boolean }) {
  return (
    <div className="flex flex-col gap-1 border-t border-line px-2 pt-2 text-xs" data-testid="user-menu">
      <Link href="/account" className="truncate rounded px-1 py-0.5 text-fg-muted hover:text-fg" title={email}>
        {email}
        {isInstanceAdmin ? <span className="ml-1 rounded bg-accent-soft px-1 text-accent">instance admin</span> : null}
      </Link>
      <form action={signOut}>
        <button type="submit" className="rounded px-1 py-0.5 text-fg-muted hover:text-fg" data-testid="sign-out">
          Sign out
        </button>
      </form>
    </div>
  );
}
