/** What every scenario run receives. */
import type { VirtualClock } from "./clock";
import type { Random } from "./random";

export type ScenarioName = "support-triage" | "research" | "data-analyst" | "lead-enrichment";

/** One planned trace: which scenario, when, for whom, and which branch of the story. */
export type RunPlan = {
  scenario: ScenarioName;
  /** Variant of the scenario, e.g. "refund_fails"; see each scenario file. */
  variant: string;
  startMs: number;
  sessionId: string | undefined;
  userId: string | undefined;
  /** 0-based position within a multi-turn session. */
  turn: number;
};

export type ScenarioContext = {
  rng: Random;
  clock: VirtualClock;
  plan: RunPlan;
  /** Prompt prefixes already cached by a provider, shared across runs like a real cache. */
  warmCaches: Set<string>;
  /** The root agent reports its trace id here, so failed runs are counted too. */
  recordTrace(traceId: string): void;
  /** From this time on, OpenAI answers gpt-4o requests with a newer snapshot: a model change mid-demo. */
  modelChangeAtMs?: number;
};

/**
 * Base class for failures a scenario simulates on purpose (a payment gateway
 * timing out, an agent running out of turns). The runner expects these;
 * anything else escaping a scenario is a bug in the demo and aborts it.
 */
export class SimulatedFailure extends Error {
  override name = "SimulatedFailure";
}
