import { KIND_STYLE } from "@/components/trace/kind-style";

type Props = {
  spanCount: number;
  orphanCount: number;
  isZoomed: boolean;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onResetZoom: () => void;
  isPathShown: boolean;
  /** Shows or hides the critical path; absent when there is none to show. */
  onTogglePath?: () => void;
};

const button = "rounded border border-line px-2 py-0.5 hover:bg-muted disabled:opacity-40";

/** Expand/collapse, critical path and zoom controls, plus the colour legend of span kinds. */
export function ExplorerToolbar(props: Props) {
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-line px-2 py-1.5 text-xs">
      <button type="button" className={button} onClick={props.onExpandAll}>
        Expand all
      </button>
      <button type="button" className={button} onClick={props.onCollapseAll}>
        Collapse all
      </button>
      {props.onTogglePath ? (
        <button
          type="button"
          className={`${button} ${props.isPathShown ? "border-rose-500 bg-rose-500/10 text-rose-700 dark:text-rose-300" : ""}`}
          aria-pressed={props.isPathShown}
          onClick={props.onTogglePath}
          data-testid="critical-path-toggle"
          title="Highlight the chain of spans that determined when the trace ended"
        >
          Critical path
        </button>
      ) : null}
      <span className="text-fg-muted">
        {props.spanCount.toLocaleString("en-US")} spans
        {props.orphanCount > 0 ? ` · ${props.orphanCount} orphan${props.orphanCount > 1 ? "s" : ""} (parent missing)` : ""}
      </span>
      <div className="ml-auto flex items-center gap-1">
        <ul className="mr-2 hidden items-center gap-2 text-[10px] text-fg-muted xl:flex" aria-label="Kind colours">
          {Object.entries(KIND_STYLE).map(([kind, style]) => (
            <li key={kind} className="flex items-center gap-1">
              <span className={`size-2 rounded-sm ${style.bar}`} aria-hidden="true" />
              {style.label}
            </li>
          ))}
        </ul>
        <button type="button" className={button} onClick={props.onZoomIn} aria-label="Zoom in">
          +
        </button>
        <button type="button" className={button} onClick={props.onZoomOut} aria-label="Zoom out" disabled={!props.isZoomed}>
          −
        </button>
        <button type="button" className={button} onClick={props.onResetZoom} disabled={!props.isZoomed} data-testid="reset-zoom">
          Reset zoom
        </button>
      </div>
    </div>
  );
}
