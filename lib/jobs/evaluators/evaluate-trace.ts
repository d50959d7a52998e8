import "server-only";
// One trace through the evaluators that apply to it (sampled, and matched by their filter beforehand):
// a rule scores every target at once (the caller stores a batch's results in one transaction); a judge
// is called target by target, each call traced into the project, its cost added to the day's
// spend, and stopped for the day at the cap. A judge failure is recorded on the evaluator and is no score.
import { addEvaluatorCost, readEvaluatorCostToday, recordEvaluatorFailure, type Evaluator } from "@/lib/data/quality/evaluators";
import { claimJudgeRun, evaluatedTargets, finishJudgeRun, readTraceCost, type RunResult } from "@/lib/data/quality/evaluator-runs";
import type { ProjectScope } from "@/lib/data/scope";
import { ingestOwnSpans } from "@/lib/receiver/own-spans";
import { renderJudgePrompt } from "@/lib/quality/judge-config";
import { judgeSpanRequest } from "@/lib/quality/judge-spans";
import { compileRule, contentText, targetsOf, type EvalTarget, type EvalTrace, type Verdict } from "@/lib/quality/rule-evaluation";
import { callJudge } from "./judge-call";

type CompiledRule = { updatedMs: number; run: (target: EvalTarget) => Verdict };
const compiled = new Map<string, CompiledRule>();

/** The evaluator's rule compiled once per version (its regex, its JSON schema validator). */
function ruleOf(evaluator: Evaluator): CompiledRule["run"] {
  const cached = compiled.get(evaluator.id);
  if (cached && cached.updatedMs === evaluator.updatedMs) return cached.run;
  const run = compileRule(evaluator.rule!);
  compiled.set(evaluator.id, { updatedMs: evaluator.updatedMs, run });
  return run;
}

/** A rule evaluator's results on the trace (stored by the caller, a batch at a time). */
export function ruleResults(evaluator: Evaluator, trace: EvalTrace): RunResult[] {
  const run = ruleOf(evaluator);
  const results: RunResult[] = [];
  for (const target of targetsOf(trace, evaluator.target)) {
    const verdict = run(target);
    if (verdict.kind === "skip") continue;
    results.push({
      traceId: trace.traceId,
      spanId: verdict.spanId,
      name: evaluator.scoreName,
      value: verdict.value,
      label: verdict.label,
      comment: verdict.comment,
      author: evaluator.name,
    });
  }
  return results;
}

/** Scores the trace with an LLM judge, target by target; returns the number of scores written. */
export async function applyJudge(scope: ProjectScope, evaluator: Evaluator, trace: EvalTrace, expected: unknown): Promise<number> {
  const judge = evaluator.judge!;
  const done = await evaluatedTargets(scope, evaluator.id, trace.traceId);
  let written = 0;
  for (const target of targetsOf(trace, evaluator.target)) {
    if (done.has(target.spanId ?? "")) continue;
    if (target.output === null || target.output === undefined) continue;
    // Read before each call: other servers add to the same day's spend.
    if (evaluator.maxCostUsdPerDay !== null && (await readEvaluatorCostToday(scope, evaluator.id)) >= evaluator.maxCostUsdPerDay) return written;
    if (!(await claimJudgeRun(scope, evaluator.id, trace.traceId, target.spanId))) continue;
    const prompt = renderJudgePrompt(judge.prompt, { input: contentText(target.input), output: contentText(target.output), expected: contentText(expected) });
    const call = await callJudge(judge, prompt);
    const error = call.outcome.ok ? null : call.outcome.error;
    // The call is traced even when it failed (an HTTP 500 costs nothing, but shows the failure).
    const own = judgeSpanRequest({
      evaluatorId: evaluator.id,
      evaluatorName: evaluator.name,
      evaluatedTraceId: trace.traceId,
      evaluatedSpanId: target.spanId,
      model: judge.model,
      responseModel: call.responseModel,
      prompt,
      answer: call.answer,
      inputTokens: call.usage.inputTokens,
      outputTokens: call.usage.outputTokens,
      startMs: call.startMs,
      endMs: call.endMs,
      error,
    });
    try {
      await ingestOwnSpans(scope, own.request);
      const cost = await readTraceCost(scope, own.traceId);
      if (cost > 0) await addEvaluatorCost(scope, evaluator.id, cost);
    } catch (ingestError) {
      console.error(`[hindsight] the judge call of evaluator ${evaluator.id} could not be traced: ${(ingestError as Error).message}`);
    }
    if (!call.outcome.ok) {
      await finishJudgeRun(scope, evaluator.id, { traceId: trace.traceId, spanId: target.spanId, failed: true });
      await recordEvaluatorFailure(scope, evaluator.id, call.outcome.error);
      continue;
    }
    const { value, label, explanation } = call.outcome;
    await finishJudgeRun(scope, evaluator.id, {
      traceId: trace.traceId,
      spanId: target.spanId,
      name: evaluator.scoreName,
      value,
      label,
      comment: explanation,
      author: evaluator.name,
    });
    written++;
  }
  return written;
}
