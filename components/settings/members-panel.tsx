"use client";
// Members of the project: the list, and for project admins the invite form, role changes and removal.
import { useActionState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { errorFor, Field, FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { ROLES } from "@/lib/access/permissions";
import { changeRoleAction, inviteMemberAction, removeMemberAction, type InviteState } from "@/lib/actions/members";
import { IDLE, type FormState } from "@/lib/forms/form-state";

type Member = { userId: string; email: string; name: string; role: string; hasSignedIn: boolean };
type Props = { projectSlug: string; members: Member[]; currentUserId: string; canManage: boolean };

const cell = "px-2 py-1.5";

export function MembersPanel({ projectSlug, members, currentUserId, canManage }: Props) {
  const [invite, inviteAction, isInviting] = useActionState<InviteState, FormData>(inviteMemberAction.bind(null, projectSlug), { status: "idle" });
  const [change, changeAction, isChanging] = useActionState<FormState, FormData>(changeRoleAction.bind(null, projectSlug), IDLE);
  const [remove, removeAction, isRemoving] = useActionState<FormState, FormData>(removeMemberAction.bind(null, projectSlug), IDLE);
  return (
    <div className="flex flex-col gap-4">
      {canManage ? (
        <form
          action={inviteAction}
          className="flex flex-wrap items-end gap-2 rounded-lg border border-line bg-surface p-3"
          data-testid="invite-member-form"
          noValidate
        >
          <div className="w-72">
            <Field label="Email" error={errorFor(invite, "email")}>
              <input name="email" type="email" placeholder="teammate@example.com" defaultValue={submitted(invite, "email")} className={inputClass} />
            </Field>
          </div>
          <Field label="Role" error={errorFor(invite, "role")}>
            <select name="role" defaultValue={submitted(invite, "role") ?? "member"} className={inputClass}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </Field>
          <SubmitButton isPending={isInviting}>Invite</SubmitButton>
        </form>
      ) : null}
      {invite.status === "ok" || (invite.status === "error" && !invite.field) ? <FormMessage state={invite} /> : null}
      {invite.status === "ok" && invite.inviteUrl ? (
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="invite-url">
          <code className="rounded bg-muted px-1 font-mono text-xs">{invite.inviteUrl}</code>
          <CopyButton text={invite.inviteUrl} />
        </div>
      ) : null}
      <FormMessage state={change.status !== "idle" ? change : remove} />
      <table className="w-full text-sm" data-testid="members">
        <thead className="text-left text-xs text-fg-muted">
          <tr>
            <th className={cell}>Name</th>
            <th className={cell}>Email</th>
            <th className={cell}>Role</th>
            {canManage ? <th className={cell}>{/* actions */}</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {members.map((m) => (
            <tr key={m.userId} data-testid="member-row" data-email={m.email}>
              <td className={cell}>
                {m.name}
                {m.hasSignedIn ? null : <span className="ml-2 rounded bg-muted px-1 text-xs text-fg-muted">invited</span>}
                {m.userId === currentUserId ? <span className="ml-2 text-xs text-fg-muted">(you)</span> : null}
              </td>
              <td className={`${cell} text-fg-muted`}>{m.email}</td>
              <td className={cell}>
                {canManage ? (
                  <form action={changeAction} className="flex gap-1">
                    <input type="hidden" name="userId" value={m.userId} />
                    <select
                      name="role"
                      defaultValue={m.role}
                      aria-label={`Role of ${m.email}`}
                      className="rounded border border-line bg-bg px-1 py-0.5 text-xs"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                    <button type="submit" disabled={isChanging} className="rounded px-2 py-0.5 text-xs text-accent hover:bg-accent-soft disabled:opacity-60">
                      Save
                    </button>
                  </form>
                ) : (
                  m.role
                )}
              </td>
              {canManage ? (
                <td className={`${cell} text-right`}>
                  <form
                    action={removeAction}
                    onSubmit={(event) => {
                      if (!window.confirm(`Remove ${m.email} from this project?`)) event.preventDefault();
                    }}
                  >
                    <input type="hidden" name="userId" value={m.userId} />
                    <button type="submit" disabled={isRemoving} className="rounded px-2 py-0.5 text-xs text-danger hover:bg-danger-soft disabled:opacity-60">
                      Remove
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
