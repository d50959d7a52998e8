/**
 * `runExperiment`: runs your own function over each item of a dataset, one
 * trace per item, and scores each run with evaluators in this process. Each
 * run's root span `experiment {name}` carries `hindsight.experiment.id`,
 * `hindsight.experiment.name`, `hindsight.dataset.id` and
 * `hindsight.dataset.item.id`, the item's input and the task's output; every
 * score is a `gen_ai.evaluation.result` event on it, which Hindsight stores as
 * a score of the trace. The experiment, the trace of each item and its
 * scores are then registered with the server, so the dashboard can compare
 * two experiments item by item.
 */
import { randomUUID } from "node:crypto";
import { ROOT_CONTEXT, SpanKind, context, isSpanContextValid, trace } from "@opentelemetry/api";
import type { Attributes, Span } from "@opentelemetry/api";
import {
  GEN_AI_EVALUATION_EXPLANATION,
  GEN_AI_EVALUATION_NAME,
  GEN_AI_EVALUATION_RESULT,
  GEN_AI_EVALUATION_SCORE_LABEL,
  GEN_AI_EVALUATION_SCORE_VALUE,
  HINDSIGHT_DATASET_ID,
  HINDSIGHT_DATASET_ITEM_ID,
  HINDSIGHT_EXPERIMENT_ID,
  HINDSIGHT_EXPERIMENT_NAME,
  INPUT_VALUE,
  OUTPUT_VALUE,
  SDK_NAME,
  SDK_VERSION,
} from "./attributes.js";
import { apiBaseFromEndpoint, apiBaseFromTracesUrl, fetchDatasetItems, findDataset, recordRuns, registerExperiment } from "./experiment-api.js";
import type { ApiTarget } from "./experiment-api.js";
import { toEvaluationScore } from "./experiment-evaluators.js";
import type { EvaluationScore, ExperimentEvaluator } from "./experiment-evaluators.js";
import type { HindsightHandle } from "./register.js";
import { resolveHindsightConfig } from "./resolve-config.js";
import { CLOCK_KEY, createHindsightSpan, recordSpanError } from "./run-in-span.js";
import type { Clock, HindsightSpan } from "./run-in-span.js";
import { summariseScores } from "./experiment-summary.js";
import type { ScoreSummary } from "./experiment-summary.js";
import { serializeJson, shouldCaptureContent } from "./serialize.js";

export type ExperimentItem<I = unknown, E = unknown> = {
  id: string;
  input: I;
  expectedOutput?: E | null;
  metadata?: Record<string, unknown> | null;
};

export type TaskContext<I = unknown, E = unknown> = {
  item: ExperimentItem<I, E>;
  /** The run's root span, e.g. to add attributes. */
  span: HindsightSpan;
  experimentId: string;
};

export type ExperimentOptions<I = unknown, O = unknown, E = unknown> = {
  /** Names the experiment in the dashboard, e.g. "prompt v2". */
  name: string;
  /** A dataset's id or name: its items are read over the API (read scope), and the experiment is registered with it. */
  dataset?: string;
  /** The items to run instead of the dataset's (they must be the dataset's, by id, to be compared on the server). */
  items?: ExperimentItem<I, E>[];
  /** Your code: called with each item's input; what it returns is the output evaluators see. */
  task: (input: I, context: TaskContext<I, E>) => O | Promise<O>;
  evaluators?: ExperimentEvaluator<I, O, E>[];
  /** What this run was configured with (model, prompt version, …), shown with the experiment. */
  metadata?: Record<string, unknown>;
  /** Items run at once (default 1). */
  concurrency?: number;
  /** The handle of registerHindsight: its server and key are used, and spans are flushed before the runs are registered. */
  hindsight?: HindsightHandle;
  /** The server and key, when no handle is given (default: as registerHindsight resolves them). */
  endpoint?: string;
  apiKey?: string;
  /** Times every run's spans (e.g. a virtual clock); inherited by the helpers called in the task. */
  clock?: Clock;
};

export type ExperimentRunResult<O = unknown> = {
  itemId: string;
  traceId: string;
  output: O | undefined;
  error: string | null;
  durationMs: number;
  scores: EvaluationScore[];
  /** Evaluators that threw, with their messages (their scores are missing). */
  evaluatorErrors: { name: string; message: string }[];
};

export type ExperimentResult<O = unknown> = {
  /** The server's id of the experiment; null when it ran over items alone, without a dataset. */
  experimentId: string | null;
  name: string;
  datasetId: string | null;
  runs: ExperimentRunResult<O>[];
  errors: number;
  scores: ScoreSummary[];
};

const now = (clock: Clock | undefined) => clock?.() ?? performance.timeOrigin + performance.now();
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

function apiTarget(options: Pick<ExperimentOptions, "endpoint" | "apiKey" | "hindsight">): ApiTarget {
  if (options.endpoint) {
    const headers = options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : options.hindsight?.config.headers;
    return { baseUrl: apiBaseFromEndpoint(options.endpoint), headers: headers ?? {} };
  }
  const config = options.hindsight?.config ?? resolveHindsightConfig({ apiKey: options.apiKey });
  const headers = options.apiKey ? { ...config.headers, authorization: `Bearer ${options.apiKey}` } : config.headers;
  return { baseUrl: apiBaseFromTracesUrl(config.tracesUrl), headers };
}

function addEvaluationEvent(span: Span, score: EvaluationScore, time: number): void {
  const attributes: Attributes = { [GEN_AI_EVALUATION_NAME]: score.name };
  if (score.value !== null) attributes[GEN_AI_EVALUATION_SCORE_VALUE] = score.value;
  if (score.label !== null) attributes[GEN_AI_EVALUATION_SCORE_LABEL] = score.label;
  if (score.comment !== null) attributes[GEN_AI_EVALUATION_EXPLANATION] = score.comment;
  span.addEvent(GEN_AI_EVALUATION_RESULT, attributes, time);
}

type RunSpec<I, O, E> = { options: ExperimentOptions<I, O, E>; experimentId: string; datasetId: string | null; item: ExperimentItem<I, E> };

async function runItem<I, O, E>({ options, experimentId, datasetId, item }: RunSpec<I, O, E>): Promise<ExperimentRunResult<O>> {
  const { clock } = options;
  const attributes: Attributes = {
    [HINDSIGHT_EXPERIMENT_ID]: experimentId,
    [HINDSIGHT_EXPERIMENT_NAME]: options.name,
    [HINDSIGHT_DATASET_ITEM_ID]: item.id,
    ...(datasetId ? { [HINDSIGHT_DATASET_ID]: datasetId } : {}),
    ...(shouldCaptureContent() ? { [INPUT_VALUE]: serializeJson(item.input) } : {}),
  };
  const startedAt = now(clock);
  // Each item is a trace of its own, whatever span is active where runExperiment was called.
  const span = trace
    .getTracer(SDK_NAME, SDK_VERSION)
    .startSpan(`experiment ${options.name}`, { kind: SpanKind.INTERNAL, attributes, startTime: startedAt }, ROOT_CONTEXT);
  if (!isSpanContextValid(span.spanContext())) {
    span.end();
    throw new Error("Hindsight: runExperiment needs tracing: call registerHindsight() first");
  }
  const scope = trace.setSpan(clock ? ROOT_CONTEXT.setValue(CLOCK_KEY, clock) : ROOT_CONTEXT, span);
  const handle = createHindsightSpan(span, clock);
  let output: O | undefined;
  let error: Error | null = null;
  try {
    output = await context.with(scope, () => options.task(item.input, { item, span: handle, experimentId }));
    if (output !== undefined && shouldCaptureContent()) span.setAttribute(OUTPUT_VALUE, serializeJson(output));
  } catch (thrown) {
    error = thrown instanceof Error ? thrown : new Error(String(thrown));
    recordSpanError(span, thrown, clock?.());
  }
  const endedAt = now(clock);
  const durationMs = endedAt - startedAt;
  const scores: EvaluationScore[] = [];
  const evaluatorErrors: ExperimentRunResult["evaluatorErrors"] = [];
  for (const evaluator of options.evaluators ?? []) {
    try {
      const answer = await evaluator.evaluate({
        itemId: item.id,
        input: item.input,
        output,
        expectedOutput: item.expectedOutput ?? null,
        metadata: item.metadata ?? null,
        error,
        durationMs,
      });
      const score = toEvaluationScore(evaluator.name, answer);
      if (score) scores.push(score);
    } catch (thrown) {
      evaluatorErrors.push({ name: evaluator.name, message: errorMessage(thrown) });
    }
  }
  for (const score of scores) addEvaluationEvent(span, score, endedAt);
  // The run ends when the task did: evaluators do not count in its duration.
  span.end(endedAt);
  return { itemId: item.id, traceId: span.spanContext().traceId, output, error: error ? error.message : null, durationMs, scores, evaluatorErrors };
}

/** Runs `work` over `items` with at most `limit` at once, keeping the items' order in the answer. */
async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Runs `task` over every item (of `dataset`, or `items`), traced and scored,
 * registers the experiment and its runs with the server when a dataset is
 * named, and returns each run with a summary of the scores. A task that throws
 * is recorded as a failed run; the experiment goes on.
 */
export async function runExperiment<I = unknown, O = unknown, E = unknown>(options: ExperimentOptions<I, O, E>): Promise<ExperimentResult<O>> {
  if (!options.name?.trim()) throw new Error("Hindsight: runExperiment needs a name");
  if (!options.dataset && !options.items) throw new Error("Hindsight: runExperiment needs a dataset (id or name) or items");
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`Hindsight: concurrency must be a positive integer, got ${concurrency}`);
  const target = options.dataset ? apiTarget(options) : null;
  const dataset = target && options.dataset ? await findDataset(target, options.dataset) : null;
  const items: ExperimentItem<I, E>[] = options.items ?? ((await fetchDatasetItems(target!, dataset!.id)) as ExperimentItem<I, E>[]);
  const experimentId =
    target && dataset ? await registerExperiment(target, { name: options.name, datasetId: dataset.id, metadata: options.metadata }) : randomUUID();

  const runs = await mapLimited(items, concurrency, (item) => runItem({ options, experimentId, datasetId: dataset?.id ?? null, item }));
  await options.hindsight?.forceFlush();
  if (target && dataset)
    await recordRuns(
      target,
      experimentId,
      runs.map((run) => ({ itemId: run.itemId, traceId: run.traceId, error: run.error, scores: run.scores })),
    );
  return {
    experimentId: dataset ? experimentId : null,
    name: options.name,
    datasetId: dataset?.id ?? null,
    runs,
    errors: runs.filter((run) => run.error !== null).length,
    scores: summariseScores(runs.flatMap((run) => run.scores)),
  };
}
