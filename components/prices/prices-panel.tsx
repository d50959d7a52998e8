"use client";
// The Prices section of Settings: the add / override form, the table, and one status line for the
// last change ("Saved acme-llm-1: 12 stored spans recomputed.").
import { useActionState, useState } from "react";
import type { PriceActionState, PriceFormValues, PriceRow } from "@/lib/forms/price-form";
import { resetPrice, savePrice } from "@/lib/actions/prices";
import { PriceForm } from "./price-form";
import { PriceTable } from "./price-table";

const IDLE: PriceActionState = { status: "idle" };
const RESET_FORM_ID = "reset-price-form";

const toValues = (row: PriceRow): Partial<PriceFormValues> => ({
  model: row.model,
  provider: row.provider ?? "",
  inputPerMTokUsd: String(row.inputPerMTokUsd),
  outputPerMTokUsd: String(row.outputPerMTokUsd),
  cacheReadPerMTokUsd: row.cacheReadPerMTokUsd === null ? "" : String(row.cacheReadPerMTokUsd),
  cacheWritePerMTokUsd: row.cacheWritePerMTokUsd === null ? "" : String(row.cacheWritePerMTokUsd),
});

/** Price table with add, override and reset, each recomputing stored costs. */
export function PricesPanel({ prices, projectSlug, canEdit }: { prices: PriceRow[]; projectSlug: string; canEdit: boolean }) {
  const [saveState, save, isSaving] = useActionState(savePrice.bind(null, projectSlug), IDLE);
  const [resetState, reset, isResetting] = useActionState(resetPrice.bind(null, projectSlug), IDLE);
  const [last, setLast] = useState<"save" | "reset">("save");
  const [editing, setEditing] = useState<PriceRow | null>(null);
  // A successful save ends the edit; a rejected one keeps what was typed.
  const [handled, setHandled] = useState(saveState);
  if (handled !== saveState) {
    setHandled(saveState);
    if (saveState.status === "ok") setEditing(null);
  }
  const status = last === "save" ? saveState : resetState;
  const values = saveState.status === "error" && saveState.values ? saveState.values : editing ? toValues(editing) : {};
  const formKey = `${editing?.model ?? "new"}:${saveState.status === "error" ? JSON.stringify(saveState.values) : saveState.status}`;

  return (
    <div className="flex flex-col gap-3">
      {canEdit ? null : <p className="text-sm text-fg-muted">Project admins change prices.</p>}
      {canEdit ? (
        <PriceForm
          key={formKey}
          action={save}
          isPending={isSaving}
          values={values}
          fieldErrors={saveState.status === "error" ? saveState.fieldErrors : {}}
          isEditing={editing !== null}
          onSubmit={() => setLast("save")}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <p role="status" aria-live="polite" data-testid="price-status" className={`min-h-5 text-sm ${status.status === "error" ? "text-danger" : "text-ok"}`}>
        {status.status === "idle" ? "" : status.message}
      </p>
      <form id={RESET_FORM_ID} action={reset} onSubmit={() => setLast("reset")} hidden />
      <PriceTable prices={prices} onEdit={setEditing} resetFormId={RESET_FORM_ID} isResetting={isResetting} canEdit={canEdit} />
    </div>
  );
}
