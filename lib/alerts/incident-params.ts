// Query-string parameters of GET /api/v1/alerts/incidents, each validated on its own so an error names
// the parameter. Pure: the route and the OpenAPI document read the same schemas.
import { z } from "zod";

export const INCIDENT_PARAMS = {
  state: z.enum(["open", "resolved"], { message: "must be open or resolved" }),
  ruleId: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  limit: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500"),
};

/** Incidents listed when `limit` is not given. */
export const DEFAULT_INCIDENT_LIMIT = 100;
