"use client";
// Every price in force, filterable; overrides first. Rows offer "Override"/"Edit" (fills the form) and,
// for overrides, "Reset" to the built-in price (or "Remove" when there is none).
import { useState } from "react";
import type { PriceRow } from "@/lib/forms/price-form";

type Props = {
  prices: PriceRow[];
  onEdit: (row: PriceRow) => void;
  /** Project admins change prices; everyone else only reads them. */
  canEdit: boolean;
  /** id of the reset form the Reset buttons submit (their value is the model). */
  resetFormId: string;
  isResetting: boolean;
};

const cell = "px-2 py-1.5 whitespace-nowrap";
const num = `${cell} text-right tabular-nums`;
const usd = (value: number | null) => (value === null ? "—" : `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`);

/** The price table with a client-side filter. */
export function PriceTable({ prices, onEdit, resetFormId, isResetting, canEdit }: Props) {
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const shown = needle ? prices.filter((p) => p.model.includes(needle) || (p.provider ?? "").toLowerCase().includes(needle)) : prices;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter models or providers…"
          aria-label="Filter prices"
          className="w-72 rounded border border-line bg-bg px-2 py-1 text-sm placeholder:text-fg-muted/70"
        />
        <span className="text-xs text-fg-muted">
          {shown.length} of {prices.length} models · USD per million tokens
        </span>
      </div>
      <div className="max-h-[28rem] overflow-auto rounded-lg border border-line">
        <table className="w-full text-sm" data-testid="price-table">
          <thead className="sticky top-0 bg-surface text-xs text-fg-muted">
            <tr>
              <th scope="col" className="px-2 py-2 text-left font-medium">
                Model
              </th>
              <th scope="col" className="px-2 py-2 text-left font-medium">
                Provider
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Input
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Output
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Cache read
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Cache write
              </th>
              <th scope="col" className="px-2 py-2 text-left font-medium">
                Source
              </th>
              {canEdit ? (
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {shown.map((p) => (
              <tr key={p.model} className="hover:bg-surface" data-testid="price-row" data-model={p.model} data-source={p.source}>
                <td className={`${cell} font-mono text-xs`}>{p.model}</td>
                <td className={`${cell} text-fg-muted`}>{p.provider ?? "—"}</td>
                <td className={num}>{usd(p.inputPerMTokUsd)}</td>
                <td className={num}>{usd(p.outputPerMTokUsd)}</td>
                <td className={num}>{usd(p.cacheReadPerMTokUsd)}</td>
                <td className={num}>{usd(p.cacheWritePerMTokUsd)}</td>
                <td className={cell}>
                  <SourceBadge row={p} />
                </td>
                {canEdit ? (
                  <td className={`${cell} text-right`}>
                    <button type="button" onClick={() => onEdit(p)} className="rounded px-2 py-0.5 text-xs text-accent hover:bg-accent-soft">
                      {p.source === "override" ? "Edit" : "Override"}
                    </button>
                    {p.source === "override" ? (
                      <button
                        type="submit"
                        form={resetFormId}
                        name="model"
                        value={p.model}
                        disabled={isResetting}
                        className="ml-1 rounded px-2 py-0.5 text-xs text-danger hover:bg-danger-soft disabled:opacity-60"
                        title={
                          p.builtIn
                            ? `Back to the built-in price ($${p.builtIn.inputPerMTokUsd} / $${p.builtIn.outputPerMTokUsd})`
                            : "Remove: the model becomes unpriced"
                        }
                      >
                        {p.builtIn ? "Reset" : "Remove"}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function SourceBadge({ row }: { row: PriceRow }) {
  if (row.source === "built-in") return <span className="rounded bg-muted px-1.5 py-0.5 text-xs text-fg-muted">built-in</span>;
  return (
    <span
      className="rounded bg-accent-soft px-1.5 py-0.5 text-xs font-medium text-accent"
      title={row.builtIn ? "Overrides the built-in price" : "Added by you"}
    >
      {row.builtIn ? "override" : "custom"}
    </span>
  );
}
