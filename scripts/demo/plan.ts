/**
 * Decides which runs the demo sends and when: a fixed opening that covers
 * every story the dashboards and a retro should show (multi-turn session, tool
 * loop, handled and unhandled refund failures, MCP error, unpriced model, a
 * provider rate limit, a run costing five times its task's usual), then a
 * weighted random mix, spread over the last `days` days.
 */
import type { Random } from "./random";
import type { RunPlan, ScenarioName } from "./scenario-context";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Nothing starts later than this before "now", so even long runs end in the past. */
const RECENT_MARGIN = 30 * MINUTE;
const TURN_GAP: [number, number] = [1 * MINUTE, 8 * MINUTE];

const USERS = ["maya.r", "liam.o", "noah.k", "ava.s", "sofia.m", "kenji.t", "amara.n", "lucas.b", "priya.d", "omar.h", "elena.v", "tom.w"];

/** `isRecent`: placed after most other runs, so its task has earlier runs to compare it with (a baseline). */
type Episode = { scenario: ScenarioName; variants: string[]; hasSession: boolean; isRecent?: boolean };

/** Guaranteed first, in this order, so even a short demo shows each story once. */
const OPENING: Episode[] = [
  { scenario: "support-triage", variants: ["order_status", "refund", "follow_up"], hasSession: true },
  { scenario: "research", variants: ["loop"], hasSession: true },
  { scenario: "support-triage", variants: ["refund_fails"], hasSession: true },
  { scenario: "data-analyst", variants: ["sql_retry"], hasSession: true },
  { scenario: "lead-enrichment", variants: ["batch"], hasSession: false },
  { scenario: "support-triage", variants: ["refund_crash"], hasSession: true },
  { scenario: "research", variants: ["normal"], hasSession: true },
  { scenario: "research", variants: ["rate_limited"], hasSession: true },
  { scenario: "support-triage", variants: ["order_status_expensive"], hasSession: true, isRecent: true },
];

function drawEpisode(rng: Random): Episode {
  const roll = rng.next();
  if (roll < 0.45) {
    const first = rng.pick(["order_status", "order_status", "refund", "refund_fails"]);
    const turns = [first, ...(rng.chance(0.5) ? [rng.pick(["refund", "follow_up"])] : []), ...(rng.chance(0.3) ? ["follow_up"] : [])];
    return { scenario: "support-triage", variants: turns, hasSession: true };
  }
  if (roll < 0.65) return { scenario: "research", variants: [rng.chance(0.3) ? "loop" : "normal"], hasSession: true };
  if (roll < 0.85) {
    const turns = rng.chance(0.4) ? 2 : 1;
    return { scenario: "data-analyst", variants: Array.from({ length: turns }, () => (rng.chance(0.25) ? "sql_retry" : "report")), hasSession: true };
  }
  return { scenario: "lead-enrichment", variants: ["batch"], hasSession: false };
}

/** Plans `traces` runs between `now - days` and `now - 30 min`; deterministic for a given generator state. */
export function planRuns(rng: Random, options: { traces: number; days: number; now: number }): RunPlan[] {
  const runs: RunPlan[] = [];
  const earliest = options.now - options.days * DAY;
  for (let index = 0; runs.length < options.traces; index += 1) {
    const episode = OPENING[index] ?? drawEpisode(rng);
    const latest = options.now - RECENT_MARGIN - episode.variants.length * TURN_GAP[1];
    // Skewed towards recent days, like a product whose usage is growing; also keeps "last 24 h" views busy.
    const spread = episode.isRecent ? 0.05 : 1;
    let startMs = latest - spread * rng.next() ** 1.6 * Math.max(0, latest - earliest);
    const sessionId = episode.hasSession ? `sess_${rng.hex(12)}` : undefined;
    const userId = episode.hasSession ? rng.pick(USERS) : undefined;
    for (const [turn, variant] of episode.variants.entries()) {
      if (runs.length >= options.traces) break;
      runs.push({ scenario: episode.scenario, variant, startMs: Math.round(startMs), sessionId, userId, turn });
      startMs += rng.int(TURN_GAP[0], TURN_GAP[1]);
    }
  }
  return runs;
}
