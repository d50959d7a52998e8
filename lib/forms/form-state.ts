// What an access form's server action answers, shared with its client component. Kept free of zod:
// zod probes `new Function` when a schema is built, which the nonce CSP reports as a violation.

export const MIN_PASSWORD = 12;

/** What a failed submit sends back of the form: React resets a form after its action runs. Never passwords. */
export type SubmittedValues = Record<string, string | string[]>;

/** What an access action answers; forms show `message`, or the field's own error, and keep `values`. */
export type FormState<Extra = object> =
  { status: "idle" } | ({ status: "ok"; message: string } & Extra) | { status: "error"; message: string; field?: string; values?: SubmittedValues };

export const IDLE: FormState = { status: "idle" };

/** The named fields of a submitted form (several values for checkbox groups), to show them again after an error. */
export function submittedValues(form: FormData, names: readonly string[], lists: readonly string[] = []): SubmittedValues {
  const values: SubmittedValues = {};
  for (const name of names) values[name] = String(form.get(name) ?? "");
  for (const name of lists) values[name] = form.getAll(name).map(String);
  return values;
}
