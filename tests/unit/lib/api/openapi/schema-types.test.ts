// The response schemas of the document have exactly the types the code answers with: a field added to,
// removed from or retyped in an answer fails the type check (npm run typecheck) until the document says
// so too. The integration test (tests/integration/openapi.test.ts) checks real answers at run time.
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { toEvaluationView } from "@/lib/api/alert-requests";
import type {
  apiKeySchema,
  auditEntrySchema,
  memberInvitedSchema,
  memberSchema,
  projectListSchema,
  projectSettingsAnswerSchema,
} from "@/lib/api/openapi/schemas/access";
import type { alertRuleSchema, evaluationSchema, incidentSchema } from "@/lib/api/openapi/schemas/alerts";
import type { costPointSchema, driftAnswerSchema, latencyPointSchema } from "@/lib/api/openapi/schemas/analytics";
import type { scorePageSchema, scorePointSchema, scoreSchema } from "@/lib/api/openapi/schemas/quality";
import type { graphAnswerSchema } from "@/lib/api/openapi/schemas/graph";
import type { GraphAnswer } from "@/lib/data/graph/pipeline-graph";
import type { approvalRequestPageSchema } from "@/lib/api/openapi/schemas/governance";
import type { ApprovalRequestPage } from "@/lib/trace/approval-list-types";
import type { healthSchema, priceEntrySchema } from "@/lib/api/openapi/schemas/system";
import type { spanSchema, traceDetailSchema, tracePageSchema, traceSummarySchema } from "@/lib/api/openapi/schemas/traces";
import type { findingSchema } from "@/lib/api/openapi/schemas/findings";
import type { criticalPathSchema, findingsPointSchema, traceDiffSchema } from "@/lib/api/openapi/schemas/retro";
import type { FindingsPoint } from "@/lib/data/findings/metrics-findings";
import type { RunDiff } from "@/lib/data/findings/run-diff";
import type { CriticalPath, Finding } from "@/lib/retro";
import type { CostPoint, LatencyPoint } from "@/lib/analytics/series";
import type { ApiKeyInfo } from "@/lib/data/access/api-keys";
import type { AuditEntry } from "@/lib/data/access/audit-log";
import type { Member } from "@/lib/data/access/members";
import type { Project, ProjectWithRole } from "@/lib/data/access/projects";
import type { IncidentView } from "@/lib/data/alerts/incidents";
import type { toRuleView } from "@/lib/data/alerts/rows";
import type { DriftAnswer } from "@/lib/data/analytics/drift";
import type { PriceEntry } from "@/lib/data/prices/price-overrides";
import type { ScorePoint } from "@/lib/quality/score-points";
import type { Score } from "@/lib/quality/score-types";
import type { Span, TraceDetail, TracePage, TraceSummary } from "@/lib/trace/types";

type Out<S extends z.ZodType> = z.output<S>;

describe("response schemas match the types the routes answer with", () => {
  it("traces", () => {
    expectTypeOf<Out<typeof traceSummarySchema>>().branded.toEqualTypeOf<TraceSummary>();
    expectTypeOf<Out<typeof spanSchema>>().branded.toEqualTypeOf<Span>();
    expectTypeOf<Out<typeof traceDetailSchema>>().branded.toEqualTypeOf<TraceDetail>();
    expectTypeOf<Out<typeof tracePageSchema>>().branded.toEqualTypeOf<TracePage>();
  });

  it("pipeline map", () => {
    expectTypeOf<Out<typeof graphAnswerSchema>>().branded.toEqualTypeOf<GraphAnswer>();
  });

  it("approval requests", () => {
    expectTypeOf<Out<typeof approvalRequestPageSchema>>().branded.toEqualTypeOf<ApprovalRequestPage>();
  });

  it("retro analysis", () => {
    expectTypeOf<Out<typeof findingSchema>>().branded.toEqualTypeOf<Finding>();
    expectTypeOf<Out<typeof criticalPathSchema>>().branded.toEqualTypeOf<CriticalPath>();
    expectTypeOf<Out<typeof traceDiffSchema>>().branded.toEqualTypeOf<RunDiff>();
    expectTypeOf<Out<typeof findingsPointSchema>>().branded.toEqualTypeOf<FindingsPoint>();
  });

  it("quality", () => {
    expectTypeOf<Out<typeof scoreSchema>>().branded.toEqualTypeOf<Score>();
    expectTypeOf<Out<typeof scorePageSchema>>().branded.toEqualTypeOf<{ data: Score[]; nextCursor: string | null }>();
    expectTypeOf<Out<typeof scorePointSchema>>().branded.toEqualTypeOf<ScorePoint>();
  });

  it("analytics", () => {
    expectTypeOf<Out<typeof latencyPointSchema>>().branded.toEqualTypeOf<LatencyPoint>();
    expectTypeOf<Out<typeof costPointSchema>>().branded.toEqualTypeOf<CostPoint>();
    expectTypeOf<Out<typeof driftAnswerSchema>>().branded.toEqualTypeOf<DriftAnswer>();
  });

  it("alerts", () => {
    expectTypeOf<Out<typeof alertRuleSchema>>().branded.toEqualTypeOf<ReturnType<typeof toRuleView>>();
    expectTypeOf<Out<typeof incidentSchema>>().branded.toEqualTypeOf<IncidentView>();
    expectTypeOf<Out<typeof evaluationSchema>>().branded.toEqualTypeOf<ReturnType<typeof toEvaluationView>>();
  });

  it("prices, projects, keys, members, audit log, health", () => {
    expectTypeOf<Out<typeof priceEntrySchema>>().branded.toEqualTypeOf<PriceEntry>();
    expectTypeOf<Out<typeof projectListSchema>["data"][number]>().branded.toEqualTypeOf<
      Pick<ProjectWithRole, "id" | "slug" | "name"> & { role: ProjectWithRole["role"] | null }
    >();
    expectTypeOf<Out<typeof projectSettingsAnswerSchema>>().branded.toEqualTypeOf<Pick<Project, "id" | "slug" | "name" | "retentionDays" | "loopThreshold">>();
    expectTypeOf<Out<typeof apiKeySchema>>().branded.toEqualTypeOf<ApiKeyInfo>();
    expectTypeOf<Out<typeof memberSchema>>().branded.toEqualTypeOf<Pick<Member, "userId" | "email" | "name" | "role">>();
    expectTypeOf<Out<typeof memberInvitedSchema>>().branded.toEqualTypeOf<
      Pick<Member, "userId" | "email" | "name" | "role"> & { inviteUrl: string | null; inviteExpiresAt: string | null }
    >();
    expectTypeOf<Out<typeof auditEntrySchema>>().branded.toEqualTypeOf<Omit<AuditEntry, "id">>();
    expectTypeOf<Out<typeof healthSchema>["database"]>().branded.toEqualTypeOf<"sqlite" | "postgres">();
  });
});
