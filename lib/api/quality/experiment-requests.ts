import "server-only";
// Request handling shared by the experiment routes and pages: query parameters checked one by one (each
// error names the parameter), and the comparison of two experiments over their dataset.
import { listDatasetItems } from "@/lib/data/quality/datasets";
import { loadRunFigures } from "@/lib/data/quality/experiment-runs";
import { getExperiment, listExperimentRuns } from "@/lib/data/quality/experiments";
import type { ProjectScope } from "@/lib/data/scope";
import { compareExperiments, type ExperimentRuns } from "@/lib/quality/experiment-compare";
import type { Experiment, ExperimentComparison } from "@/lib/quality/experiment-types";
import type { z } from "zod";

type Failure = { ok: false; status: 400 | 404; parameter: string; message: string };

/** Query parameters against their schemas; unknown ones and missing required ones are errors. */
export function parseParams<P extends Record<string, z.ZodType<string>>>(
  params: URLSearchParams,
  schemas: P,
  required: readonly (keyof P & string)[] = [],
): { ok: true; values: Partial<Record<keyof P, string>> } | Failure {
  const values: Partial<Record<keyof P, string>> = {};
  for (const [key, raw] of params) {
    const schema = schemas[key];
    if (!schema) return { ok: false, status: 400, parameter: key, message: `${key}: unknown parameter; allowed: ${Object.keys(schemas).join(", ")}` };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, status: 400, parameter: key, message: `${key}: ${parsed.error.issues[0]?.message ?? "is invalid"}` };
    values[key as keyof P] = parsed.data;
  }
  for (const key of required) if (values[key] === undefined) return { ok: false, status: 400, parameter: key, message: `${key}: is required` };
  return { ok: true, values };
}

async function runsOf(scope: ProjectScope, experiment: Experiment): Promise<ExperimentRuns> {
  const runs = await listExperimentRuns(scope, experiment.id);
  return { experimentId: experiment.id, name: experiment.name, runs: await loadRunFigures(scope, runs) };
}

/** Experiments `a` and `b` compared item by item; both must be the project's and ran over one dataset. */
export async function compareById(
  scope: ProjectScope,
  aId: string,
  bId: string,
): Promise<{ ok: true; a: Experiment; b: Experiment; comparison: ExperimentComparison } | Failure> {
  const [a, b] = await Promise.all([getExperiment(scope, aId), getExperiment(scope, bId)]);
  if (!a) return { ok: false, status: 404, parameter: "a", message: `no experiment ${aId}` };
  if (!b) return { ok: false, status: 404, parameter: "b", message: `no experiment ${bId}` };
  if (a.datasetId !== b.datasetId) {
    return { ok: false, status: 400, parameter: "b", message: "b: ran over another dataset than a; compare experiments of one dataset" };
  }
  const [runsA, runsB, items] = await Promise.all([runsOf(scope, a), runsOf(scope, b), listDatasetItems(scope, a.datasetId)]);
  return {
    ok: true,
    a,
    b,
    comparison: compareExperiments(
      runsA,
      runsB,
      items.map((item) => item.id),
    ),
  };
}
