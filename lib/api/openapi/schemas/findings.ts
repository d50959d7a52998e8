// Response schemas of retro analysis that trace answers carry: finding types, failure modes, findings and
// the per-type counts of a trace summary. tests/unit/lib/api/openapi/schema-types.test.ts holds them equal
// to lib/retro's types.
import { z } from "zod";
import { FAILURE_MODES, FINDING_TYPES } from "@/lib/retro/finding-kinds";

const spanId = z.string().regex(/^[0-9a-f]{16}$/);

export const findingTypeSchema = z.enum(FINDING_TYPES).meta({ id: "FindingType" });

export const failureModeSchema = z.enum(FAILURE_MODES).meta({
  id: "FailureMode",
  description: "The class of a run's first real failure, from exception types and messages, error.type, HTTP status and provider error codes.",
});

export const findingCountsSchema = z
  .strictObject({ tool_loop: z.int(), agent_cycle: z.int(), repeated_llm_call: z.int(), failure: z.int() })
  .meta({ id: "FindingCounts", description: "Findings of each type in the trace (0 until it has been analysed)." });

export const findingSchema = z
  .strictObject({
    type: findingTypeSchema,
    spanIds: z.array(spanId).meta({ description: "The spans involved, in start order (the tool calls of a loop, the agent spans of a cycle)." }),
    count: z.int().meta({ description: "Repetitions: calls of a loop or repeated call, rounds of a cycle; 1 for a failure." }),
    wastedMs: z.number().meta({ description: "Time spent on the repetitions after the first (with the LLM calls that asked for repeated tool calls)." }),
    wastedCostUsd: z.number().nullable().meta({ description: "Cost of the LLM calls behind the repetitions; null when none of them could be priced." }),
    toolName: z.string().optional(),
    agents: z.array(z.string()).optional().meta({ description: "The agents involved: a cycle's agents in hand-off order, else the owning agents." }),
    failureMode: failureModeSchema.optional(),
    message: z.string().optional().meta({ description: "A failure's most telling error text (at most 1,000 characters)." }),
  })
  .meta({
    id: "Finding",
    description:
      "`tool_loop`: one tool called with the same canonical arguments at least the project's loop threshold times; `agent_cycle`: the same agent hand-offs repeated back to back; `repeated_llm_call`: the same model and input messages at least loop-threshold times; `failure`: the first failed span not handled by a retry that later succeeded.",
  });
