"use client";
// One item of a dataset's table, with Edit (input, expected output and metadata as JSON text, checked by
// the server with a clear error) and Delete. Item content is shown as text only.
import { useActionState, useState, type ReactNode } from "react";
import { errorFor, Field, FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import { IDLE, type FormState } from "@/lib/forms/form-state";

type ItemAction = (previous: FormState, form: FormData) => Promise<FormState>;

export type DatasetItemText = { id: string; input: string; expectedOutput: string; metadata: string };

type Props = {
  position: number;
  item: DatasetItemText;
  /** Where the item came from (a link to its run), or "—". */
  source: ReactNode;
  /** Absent for callers who may not change the dataset. */
  actions?: { update: ItemAction; remove: ItemAction };
};

const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);
const textArea = `${inputClass} font-mono text-xs`;

export function DatasetItemRow({ position, item, source, actions }: Props) {
  const [isEditing, setEditing] = useState(false);
  return (
    <>
      <tr className="border-t border-line align-top" data-testid="dataset-item" data-item-id={item.id}>
        <td className="py-1.5 text-fg-muted tabular-nums">{position}</td>
        <td className="py-1.5 font-mono text-xs break-all whitespace-pre-wrap" data-testid="dataset-item-input">
          {clip(item.input)}
        </td>
        <td className="py-1.5 font-mono text-xs break-all whitespace-pre-wrap" data-testid="dataset-item-expected">
          {clip(item.expectedOutput)}
        </td>
        <td className="py-1.5">{source}</td>
        {actions ? (
          <td className="py-1.5 text-right whitespace-nowrap">
            <button type="button" onClick={() => setEditing(!isEditing)} className="mr-2 text-accent hover:underline">
              {isEditing ? "Close" : "Edit"}
            </button>
            <DeleteItem itemId={item.id} remove={actions.remove} />
          </td>
        ) : null}
      </tr>
      {actions && isEditing ? (
        <tr>
          <td colSpan={5} className="pb-3">
            <EditItem item={item} update={actions.update} onSaved={() => setEditing(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function EditItem({ item, update, onSaved }: { item: DatasetItemText; update: ItemAction; onSaved: () => void }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(update, IDLE);
  const [handled, setHandled] = useState(state);
  if (handled !== state) {
    setHandled(state);
    if (state.status === "ok") onSaved();
  }
  const field = (name: "input" | "expectedOutput" | "metadata", label: string, hint: string) => (
    <Field label={label} error={errorFor(state, name)} hint={hint}>
      <textarea name={name} rows={5} defaultValue={submitted(state, name) ?? item[name]} className={textArea} spellCheck={false} />
    </Field>
  );
  return (
    <form action={action} className="flex flex-col gap-2 rounded border border-line bg-surface p-3" data-testid="dataset-item-form" noValidate>
      <input type="hidden" name="itemId" value={item.id} />
      <div className="grid grid-cols-1 gap-2 lg:grid-cols-3">
        {field("input", "Input", "JSON, or plain text")}
        {field("expectedOutput", "Expected output", "JSON, or plain text; empty for none")}
        {field("metadata", "Metadata", "A JSON object; empty for none")}
      </div>
      <div className="flex items-center gap-2">
        <SubmitButton isPending={isPending}>Save item</SubmitButton>
        <FormMessage state={state.status === "error" && state.field ? IDLE : state} />
      </div>
    </form>
  );
}

function DeleteItem({ itemId, remove }: { itemId: string; remove: ItemAction }) {
  const [state, action, isPending] = useActionState<FormState, FormData>(remove, IDLE);
  return (
    <form
      action={action}
      className="inline"
      onSubmit={(event) => {
        if (!window.confirm("Delete this item?")) event.preventDefault();
      }}
    >
      <input type="hidden" name="itemId" value={itemId} />
      <button type="submit" disabled={isPending} className="text-danger hover:underline disabled:opacity-60">
        Delete
      </button>
      {state.status === "error" ? (
        <span role="alert" className="ml-2 text-xs text-danger">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
