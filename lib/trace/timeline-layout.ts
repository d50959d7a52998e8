// Geometry of the waterfall. Bars are placed with percentages of the visible window, so rows never need
// to know the pixel width, and zooming is only a change of window.

export type TimeWindow = { startMs: number; endMs: number };

export type BarLayout = {
  leftPct: number;
  widthPct: number;
  /** False when the span lies wholly outside the window (zoomed away). */
  isVisible: boolean;
  isClippedStart: boolean;
  isClippedEnd: boolean;
};

export type TimeTick = { offsetMs: number; pct: number };

/** Bars thinner than this are widened so an instant span is still a visible mark. */
export const MIN_BAR_WIDTH_PCT = 0.15;
/** Zooming stops at this window length. */
export const MIN_WINDOW_MS = 0.01;

/** Places one bar [startMs, endMs] within the window, clipped to it. */
export function computeBarLayout(startMs: number, endMs: number, window: TimeWindow): BarLayout {
  const length = Math.max(window.endMs - window.startMs, MIN_WINDOW_MS);
  const end = Math.max(startMs, endMs);
  const isVisible = end >= window.startMs && startMs <= window.endMs;
  const from = Math.max(startMs, window.startMs);
  const to = Math.min(end, window.endMs);
  let leftPct = ((from - window.startMs) / length) * 100;
  let widthPct = Math.max(((to - from) / length) * 100, MIN_BAR_WIDTH_PCT);
  leftPct = clamp(leftPct, 0, 100 - MIN_BAR_WIDTH_PCT);
  widthPct = Math.min(widthPct, 100 - leftPct);
  return { leftPct, widthPct, isVisible, isClippedStart: startMs < window.startMs, isClippedEnd: end > window.endMs };
}

/** Layout of every bar, in input order (index i ↔ rows[i]). */
export function computeTimelineLayout(rows: readonly { startMs: number; endMs: number }[], window: TimeWindow): BarLayout[] {
  return rows.map((row) => computeBarLayout(row.startMs, row.endMs, window));
}

/**
 * Axis ticks at "nice" steps (1, 2, 2.5, 5 × 10^k ms) covering the window, labelled by their offset from
 * `originMs` (the trace start), so labels stay meaningful when zoomed.
 */
export function computeTimeTicks(window: TimeWindow, originMs: number, targetCount = 6): TimeTick[] {
  const length = window.endMs - window.startMs;
  if (!(length > 0) || targetCount < 1) return [{ offsetMs: window.startMs - originMs, pct: 0 }];
  const step = niceStep(length / targetCount);
  const firstOffset = Math.ceil((window.startMs - originMs) / step - 1e-9) * step;
  const ticks: TimeTick[] = [];
  for (let offset = firstOffset; originMs + offset <= window.endMs + step * 1e-9; offset += step) {
    const rounded = Math.round(offset / step) * step + 0; // + 0 turns -0 into 0
    ticks.push({ offsetMs: rounded, pct: ((originMs + rounded - window.startMs) / length) * 100 });
    if (ticks.length > targetCount * 3) break;
  }
  return ticks;
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** The window selected by dragging from `fromPct` to `toPct` (either order) across the current window. */
export function selectWindow(window: TimeWindow, fromPct: number, toPct: number): TimeWindow {
  const length = window.endMs - window.startMs;
  const a = clamp(Math.min(fromPct, toPct), 0, 100);
  const b = clamp(Math.max(fromPct, toPct), 0, 100);
  let startMs = window.startMs + (length * a) / 100;
  let endMs = window.startMs + (length * b) / 100;
  if (endMs - startMs < MIN_WINDOW_MS) {
    const mid = (startMs + endMs) / 2;
    startMs = mid - MIN_WINDOW_MS / 2;
    endMs = mid + MIN_WINDOW_MS / 2;
  }
  return { startMs, endMs };
}

/**
 * Zooms by `factor` (< 1 zooms in) around the point at `anchorPct` of the window, never leaving `bounds`
 * (the whole trace).
 */
export function zoomWindow(window: TimeWindow, bounds: TimeWindow, factor: number, anchorPct = 50): TimeWindow {
  const boundsLength = bounds.endMs - bounds.startMs;
  const length = window.endMs - window.startMs;
  const newLength = clamp(length * factor, Math.min(MIN_WINDOW_MS, boundsLength), boundsLength);
  const anchor = window.startMs + (length * clamp(anchorPct, 0, 100)) / 100;
  let startMs = anchor - (newLength * clamp(anchorPct, 0, 100)) / 100;
  startMs = clamp(startMs, bounds.startMs, bounds.endMs - newLength);
  return { startMs, endMs: startMs + newLength };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
