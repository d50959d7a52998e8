// Review queues as the API answers them (their JSON schemas: lib/api/openapi/schemas/review-datasets.ts). Safe to
// import from client components.

export type ReviewItemState = "pending" | "done" | "skipped";

export type ReviewQueue = {
  id: string;
  name: string;
  /** The trace-list filters the runs were drawn from, as given. */
  filter: Record<string, string>;
  sampleSize: number;
  scoreName: string;
  labels: string[] | null;
  range: [number, number] | null;
  /** Draws the same runs again from the same traces. */
  seed: string;
  /** Runs drawn (fewer than sampleSize when the filter matched fewer). */
  total: number;
  /** Runs reviewed (labelled or valued), runs skipped. */
  done: number;
  skipped: number;
  /** Reviewed runs per label (label queues). */
  byLabel: Record<string, number>;
  /** Mean of the values given (range queues), null before the first. */
  meanValue: number | null;
  createdAt: string;
  createdBy: string | null;
};

export type ReviewItem = {
  id: string;
  position: number;
  traceId: string;
  state: ReviewItemState;
  label: string | null;
  value: number | null;
  failureMode: string | null;
  comment: string | null;
  scoreId: string | null;
  reviewer: string | null;
  reviewedAt: string | null;
};
