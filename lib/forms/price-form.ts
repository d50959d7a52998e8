// The price form of Settings ↔ the price API's input (lib/pricing/price-input.ts schemas). Pure, so the
// server actions stay thin and the parsing is unit-tested. Safe on client and server.

export const PRICE_FIELDS = ["model", "provider", "inputPerMTokUsd", "outputPerMTokUsd", "cacheReadPerMTokUsd", "cacheWritePerMTokUsd"] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];
export type PriceFieldErrors = Partial<Record<PriceField, string>>;

/** What a price action answers; the form shows it. */
export type PriceActionState =
  | { status: "idle" }
  | { status: "ok"; model: string; message: string; recomputedSpans: number }
  | { status: "error"; message: string; fieldErrors: PriceFieldErrors; values?: PriceFormValues };

/** The form's fields as typed, so a rejected form shows what the user entered. */
export type PriceFormValues = Record<PriceField, string>;

type FormLike = { get(name: string): FormDataEntryValue | null };

const text = (form: FormLike, name: PriceField) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/** Every field of the form as typed (trimmed). */
export function readPriceFormValues(form: FormLike): PriceFormValues {
  return Object.fromEntries(PRICE_FIELDS.map((field) => [field, text(form, field)])) as PriceFormValues;
}

/** A required price: empty stays undefined, so the schema reports it missing; text that is not a number becomes NaN, reported as such. */
const required = (raw: string) => (raw === "" ? undefined : Number(raw));
/** An optional price: empty means "none" (null). */
const optional = (raw: string) => (raw === "" ? null : Number(raw));

/** The model key and the body of PUT /api/v1/prices/{model}, as the form typed them (validated by the caller). */
export function readPriceForm(form: FormLike): { model: string; body: Record<string, unknown> } {
  const provider = text(form, "provider");
  return {
    model: text(form, "model"),
    body: {
      provider: provider === "" ? null : provider,
      inputPerMTokUsd: required(text(form, "inputPerMTokUsd")),
      outputPerMTokUsd: required(text(form, "outputPerMTokUsd")),
      cacheReadPerMTokUsd: optional(text(form, "cacheReadPerMTokUsd")),
      cacheWritePerMTokUsd: optional(text(form, "cacheWritePerMTokUsd")),
    },
  };
}

/** Zod issues → one message per form field (the first issue of each wins). */
export function toFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[], field?: PriceField): PriceFieldErrors {
  const errors: PriceFieldErrors = {};
  for (const issue of issues) {
    const key = (field ?? issue.path[0]) as PriceField | undefined;
    if (key && (PRICE_FIELDS as readonly PropertyKey[]).includes(key) && !errors[key]) errors[key] = issue.message;
  }
  return errors;
}

/** "1 stored span recomputed", "12 stored spans recomputed". */
export function describeRecompute(count: number): string {
  return `${count.toLocaleString("en-US")} stored ${count === 1 ? "span" : "spans"} recomputed`;
}

/** One row of the price table on Settings. */
export type PriceRow = {
  model: string;
  provider: string | null;
  inputPerMTokUsd: number;
  outputPerMTokUsd: number;
  cacheReadPerMTokUsd: number | null;
  cacheWritePerMTokUsd: number | null;
  source: "built-in" | "override";
  /** The built-in price an override replaces (reset brings it back); null for models only the user priced. */
  builtIn: { inputPerMTokUsd: number; outputPerMTokUsd: number } | null;
};
