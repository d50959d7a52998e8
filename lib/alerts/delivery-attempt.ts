// One webhook delivery attempt as it is recorded on its incident.
export type DeliveryAttempt = {
  attempt: number;
  /** HTTP status, null when no response came (network error, timeout). */
  httpStatus: number | null;
  ok: boolean;
  error: string | null;
  atMs: number;
  durationMs: number;
};
