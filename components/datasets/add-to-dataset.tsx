"use client";
// "Add to dataset" on a trace: the selected span's (else the root's) input, and its actual output as the
// expected output, both editable, into an existing dataset or a new one.
import { useActionState, useState, useTransition } from "react";
import { errorFor, Field, FormMessage, inputClass, SubmitButton, submitted } from "@/components/ui/form-parts";
import type { RunItemPreview } from "@/lib/forms/dataset-form";
import { IDLE, type FormState } from "@/lib/forms/form-state";

type Props = {
  traceId: string;
  datasets: { id: string; name: string }[];
  preview: (traceId: string, spanId: string | null) => Promise<RunItemPreview>;
  add: (previous: FormState, form: FormData) => Promise<FormState>;
};

export function AddToDataset({ traceId, datasets, preview, add }: Props) {
  const [loaded, setLoaded] = useState<RunItemPreview | null>(null);
  const [isLoading, startLoading] = useTransition();
  const [state, action, isPending] = useActionState<FormState, FormData>(add, IDLE);

  function open() {
    const spanId = new URL(window.location.href).searchParams.get("span");
    startLoading(async () => setLoaded(await preview(traceId, spanId)));
  }

  if (!loaded || isLoading) {
    return (
      <div className="px-4 pb-2">
        <button
          type="button"
          onClick={open}
          disabled={isLoading}
          className="rounded border border-line px-2 py-1 text-sm hover:border-accent"
          data-testid="add-to-dataset"
        >
          {isLoading ? "Loading…" : "Add to dataset"}
        </button>
      </div>
    );
  }
  if (!loaded.ok) return <p className="px-4 pb-2 text-sm text-danger">{loaded.message}</p>;
  return (
    <form action={action} className="mx-4 mb-3 flex flex-col gap-2 rounded border border-line p-3" data-testid="add-to-dataset-form" noValidate>
      <p className="text-sm text-fg-muted">
        From span <span className="font-medium text-fg">{loaded.spanName}</span>: its input, and its actual output as the expected output. Edit either before
        adding.
      </p>
      <input type="hidden" name="traceId" value={traceId} />
      <input type="hidden" name="spanId" value={loaded.spanId} />
      <div className="grid grid-cols-2 gap-2">
        <Field label="Input" error={errorFor(state, "input")}>
          <textarea name="input" rows={6} defaultValue={submitted(state, "input") ?? loaded.input} className={`${inputClass} font-mono`} />
        </Field>
        <Field label="Expected output" error={errorFor(state, "expectedOutput")}>
          <textarea
            name="expectedOutput"
            rows={6}
            defaultValue={submitted(state, "expectedOutput") ?? loaded.expectedOutput}
            className={`${inputClass} font-mono`}
          />
        </Field>
        <Field label="Dataset" error={errorFor(state, "datasetId")}>
          <select name="datasetId" defaultValue={submitted(state, "datasetId") ?? datasets[0]?.id ?? ""} className={inputClass}>
            <option value="">—</option>
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Or a new dataset" error={errorFor(state, "newDataset")}>
          <input name="newDataset" placeholder="refund edge cases" defaultValue={submitted(state, "newDataset")} className={inputClass} />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton isPending={isPending}>Add</SubmitButton>
        <FormMessage state={state.status === "error" && state.field ? IDLE : state} />
      </div>
    </form>
  );
}
