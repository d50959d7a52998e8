// Datasets as the API answers them (their JSON schemas: lib/api/openapi/schemas/review-datasets.ts). Safe to
// import from client components.

export type Dataset = { id: string; name: string; description: string | null; itemCount: number; createdAt: string; updatedAt: string };

export type DatasetItem = {
  id: string;
  datasetId: string;
  /** Any JSON value: what the task is given. */
  input: unknown;
  /** Any JSON value, or null when there is none. */
  expectedOutput: unknown;
  metadata: Record<string, unknown> | null;
  /** The run the item was taken from. */
  sourceTraceId: string | null;
  sourceSpanId: string | null;
  createdAt: string;
  updatedAt: string;
};
