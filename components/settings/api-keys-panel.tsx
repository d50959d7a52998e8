"use client";
// The project's API keys: create one (name, scopes, optional expiry; the key is shown once), the list
// by prefix with last use, and revoke.
import { useActionState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { errorFor, Field, FormMessage, inputClass, SubmitButton, submitted, submittedList } from "@/components/ui/form-parts";
import { KEY_SCOPES } from "@/lib/access/permissions";
import { createKeyAction, revokeKeyAction, type KeyState } from "@/lib/actions/api-keys";
import { IDLE, type FormState } from "@/lib/forms/form-state";

type Key = { id: string; name: string; prefix: string; scopes: string[]; createdAt: string; lastUsedAt: string | null; expiresAt: string | null };

const cell = "px-2 py-1.5";
const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "—");

export function ApiKeysPanel({ projectSlug, keys }: { projectSlug: string; keys: Key[] }) {
  const [created, createAction, isCreating] = useActionState<KeyState, FormData>(createKeyAction.bind(null, projectSlug), { status: "idle" });
  const [revoked, revokeAction, isRevoking] = useActionState<FormState, FormData>(revokeKeyAction.bind(null, projectSlug), IDLE);
  return (
    <div className="flex flex-col gap-4">
      <form
        action={createAction}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-3"
        data-testid="create-key-form"
        noValidate
      >
        <div className="w-56">
          <Field label="Name" error={errorFor(created, "name")}>
            <input name="name" placeholder="support-bot production" defaultValue={submitted(created, "name")} className={inputClass} />
          </Field>
        </div>
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="text-fg-muted">Scopes</legend>
          <div className="flex gap-3">
            {KEY_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-1">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={(submittedList(created, "scopes") ?? ["ingest"]).includes(scope)} />
                {scope}
              </label>
            ))}
          </div>
          {errorFor(created, "scopes") ? <span className="text-xs text-danger">{errorFor(created, "scopes")}</span> : null}
        </fieldset>
        <Field label="Expires (optional)" error={errorFor(created, "expiresAt")}>
          <input name="expiresAt" type="date" defaultValue={submitted(created, "expiresAt")} className={inputClass} />
        </Field>
        <SubmitButton isPending={isCreating}>Create key</SubmitButton>
      </form>
      {created.status === "ok" ? (
        <div className="flex flex-col gap-1 rounded border border-line bg-surface p-3 text-sm" data-testid="new-key">
          <span>{created.message}</span>
          <span className="flex items-center gap-2">
            <code className="font-mono">{created.key}</code>
            <CopyButton text={created.key} />
          </span>
        </div>
      ) : created.status === "error" && !created.field ? (
        <FormMessage state={created} />
      ) : null}
      <FormMessage state={revoked} />
      {keys.length === 0 ? (
        <p className="text-sm text-fg-muted">No keys yet.</p>
      ) : (
        <table className="w-full text-sm" data-testid="api-keys">
          <thead className="text-left text-xs text-fg-muted">
            <tr>
              <th className={cell}>Name</th>
              <th className={cell}>Key</th>
              <th className={cell}>Scopes</th>
              <th className={cell}>Created</th>
              <th className={cell}>Last used</th>
              <th className={cell}>Expires</th>
              <th className={cell}>{/* actions */}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {keys.map((k) => (
              <tr key={k.id} data-testid="api-key-row" data-name={k.name}>
                <td className={cell}>{k.name}</td>
                <td className={`${cell} font-mono text-xs`}>{k.prefix}…</td>
                <td className={cell}>{k.scopes.join(", ")}</td>
                <td className={`${cell} text-fg-muted tabular-nums`}>{day(k.createdAt)}</td>
                <td className={`${cell} text-fg-muted tabular-nums`}>{day(k.lastUsedAt)}</td>
                <td className={`${cell} text-fg-muted tabular-nums`}>{day(k.expiresAt)}</td>
                <td className={`${cell} text-right`}>
                  <form
                    action={revokeAction}
                    onSubmit={(event) => {
                      if (!window.confirm(`Revoke "${k.name}"? Senders using it get 401 within 5 seconds.`)) event.preventDefault();
                    }}
                  >
                    <input type="hidden" name="id" value={k.id} />
                    <button type="submit" disabled={isRevoking} className="rounded px-2 py-0.5 text-xs text-danger hover:bg-danger-soft disabled:opacity-60">
                      Revoke
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
