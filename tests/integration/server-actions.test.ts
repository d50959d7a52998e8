// Every server action refuses a caller who may not use it, called over HTTP the way React calls it (so
// an action no page offers a form for is still covered), and changes nothing: anonymous callers, a viewer
// for member and admin actions, and cross-site requests. The build's action manifest lists them all.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { userSession } from "../support/seed-users";
import { forEachDatabase } from "./support";
import { listActionFiles, listServerActions, type ServerAction } from "./support/route-tree";
import { callServerAction, formOf } from "./support/server-actions";

const IDLE = { status: "idle" };
const SLUG = "default";

/** Arguments each action is called with (bound project slug first, as the pages bind it). */
const ARGS: Record<string, () => unknown[]> = {
  "lib/actions/account.ts#changePassword": () => [IDLE, formOf({ currentPassword: "x", newPassword: "a new password 123", confirm: "a new password 123" })],
  "lib/actions/alerts.ts#saveRule": () => [SLUG, IDLE, formOf({ name: "forged", metric: "cost_per_run", threshold: "1" })],
  "lib/actions/alerts.ts#removeRule": () => [SLUG, IDLE, formOf({ id: "x" })],
  "lib/actions/alerts.ts#evaluateRuleNow": () => [SLUG, IDLE, formOf({ id: "x" })],
  "lib/actions/api-keys.ts#createKeyAction": () => [SLUG, IDLE, formOf({ name: "forged", scopes: ["admin"] })],
  "lib/actions/api-keys.ts#revokeKeyAction": () => [SLUG, IDLE, formOf({ id: "x" })],
  "lib/actions/api-keys.ts#createOnboardingKey": () => [SLUG],
  "lib/actions/invitations.ts#acceptInvite": () => ["x".repeat(32), IDLE, formOf({ name: "x", password: "a long password 1", confirm: "a long password 1" })],
  "lib/actions/members.ts#inviteMemberAction": () => [SLUG, IDLE, formOf({ email: "forged@example.com", role: "admin" })],
  "lib/actions/members.ts#changeRoleAction": () => [SLUG, IDLE, formOf({ userId: "x", role: "admin" })],
  "lib/actions/members.ts#removeMemberAction": () => [SLUG, IDLE, formOf({ userId: "x" })],
  "lib/actions/prices.ts#savePrice": () => [SLUG, IDLE, formOf({ model: "forged-model", inputPerMTokUsd: "1", outputPerMTokUsd: "1" })],
  "lib/actions/prices.ts#resetPrice": () => [SLUG, IDLE, formOf({ model: "gpt-4o" })],
  "lib/actions/projects.ts#createProjectAction": () => [IDLE, formOf({ name: "forged project" })],
  "lib/actions/projects.ts#renameProjectAction": () => [SLUG, IDLE, formOf({ name: "forged name" })],
  "lib/actions/projects.ts#setRetentionAction": () => [SLUG, IDLE, formOf({ retentionDays: "1" })],
  "lib/actions/redaction.ts#saveRedactionAction": () => [SLUG, IDLE, formOf({ detectors: ["email"], patterns: "" })],
  "lib/actions/session.ts#signOut": () => [],
  "lib/actions/setup.ts#completeSetup": () => [
    IDLE,
    formOf({ name: "x", email: "forged@example.com", password: "a long password 1", confirm: "a long password 1" }),
  ],
  "app/(dashboard)/projects/[project]/traces/[traceId]/actions.ts#loadSpanDetail": () => [SLUG, "0".repeat(32), "0".repeat(16)],
  "app/(dashboard)/projects/[project]/traces/diff/actions.ts#loadStepChanges": () => [
    SLUG,
    { traceId: "0".repeat(32), spanId: "0".repeat(16) },
    { traceId: "1".repeat(32), spanId: "1".repeat(16) },
    ["input"],
  ],
  "lib/actions/projects.ts#updateLoopThresholdAction": () => [SLUG, IDLE, formOf({ loopThreshold: "7" })],
  "lib/actions/write-tools.ts#saveWriteToolsAction": () => [SLUG, IDLE, formOf({ tools: "forged_tool" })],
  "lib/actions/review-queues.ts#createReviewQueueAction": () => [
    SLUG,
    IDLE,
    formOf({ name: "forged queue", filter: "", sampleSize: "5", scoreName: "quality", labels: "good, bad", seed: "1" }),
  ],
  "lib/actions/review-queues.ts#submitReviewAction": () => [SLUG, "x", "x", { label: "good" }],
  "lib/actions/datasets.ts#createDatasetAction": () => [SLUG, IDLE, formOf({ name: "forged dataset" })],
  "lib/actions/datasets.ts#previewRunItem": () => [SLUG, "0".repeat(32), null],
  "lib/actions/datasets.ts#addToDatasetAction": () => [
    SLUG,
    IDLE,
    formOf({ traceId: "0".repeat(32), spanId: "0".repeat(16), newDataset: "forged dataset", input: "{}", expectedOutput: "{}" }),
  ],
  "app/share/[token]/actions.ts#loadSharedSpan": () => ["hsshare_" + "x".repeat(43), "0".repeat(32), "0".repeat(16)],
  "lib/actions/datasets.ts#importJsonlAction": () => [SLUG, "x", IDLE, formOf({ text: '{"input":"forged"}' })],
  "lib/actions/dataset-items.ts#updateDatasetItemAction": () => [SLUG, "x", IDLE, formOf({ itemId: "x", input: '"forged"', expectedOutput: "", metadata: "" })],
  "lib/actions/dataset-items.ts#deleteDatasetItemAction": () => [SLUG, "x", IDLE, formOf({ itemId: "x" })],
};

/** What a refusal looks like in the answer: the action's error state, or (sign-out) a redirect to /login. */
const REFUSED =
  /Your session has ended|Sign in · Hindsight|must be (made|completed|accepted) from Hindsight's own page|set up already|invitation link is not valid|does not allow this change|Only instance administrators|NEXT_REDIRECT|\/login/;

/** Actions that only read: refused, they answer no data (viewers may call them). */
const READS = ["loadSpanDetail", "loadStepChanges", "previewRunItem", "loadSharedSpan"];

const keyOf = (a: ServerAction) => `${a.file}#${a.exportedName}`;
const pageOf = (a: ServerAction) =>
  a.pages[0]!.replace("[project]", SLUG)
    .replace("[traceId]", "0".repeat(32))
    .replace("[token]", "x".repeat(32))
    .replace(/\[\w+\]/g, "x");

describe("the server actions", () => {
  it("are every exported function of the files that declare them, and each has test arguments", () => {
    const declared = listActionFiles().flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/export async function (\w+)/g)].map((m) => `${file}#${m[1]}`),
    );
    expect(declared.sort()).toEqual(Object.keys(ARGS).sort());
    expect(listServerActions().map(keyOf).sort()).toEqual(Object.keys(ARGS).sort());
  });
});

forEachDatabase((server) => {
  let viewer: string;
  let priceTable: () => Promise<string>;

  beforeAll(async () => {
    viewer = await userSession(server, `action-viewer-${randomBytes(3).toString("hex")}@authz.test`, "viewer");
    priceTable = async () => (await fetch(`${server.baseUrl}/api/v1/prices`, { headers: { authorization: `Bearer ${server.apiKey}` } })).text();
  });

  it("refuse anonymous callers", async () => {
    const before = await priceTable();
    for (const action of listServerActions()) {
      const answer = await callServerAction(server.baseUrl, pageOf(action), action.id, ARGS[keyOf(action)]!());
      if (READS.includes(action.exportedName)) expect(answer.text, keyOf(action)).not.toMatch(/"spanId"|"field"/);
      else expect(`${answer.status} ${answer.text}`, keyOf(action)).toMatch(REFUSED);
    }
    expect(await priceTable()).toBe(before);
  });

  it("refuse a viewer every change, and change nothing", async () => {
    const before = await priceTable();
    const changes = listServerActions().filter((a) => !["signOut", ...READS, "changePassword", "completeSetup", "acceptInvite"].includes(a.exportedName));
    for (const action of changes) {
      const answer = await callServerAction(server.baseUrl, pageOf(action), action.id, ARGS[keyOf(action)]!(), viewer);
      expect(answer.text, keyOf(action)).toMatch(/does not allow this change|Only instance administrators/);
    }
    expect(await priceTable()).toBe(before);
    const projects = (await (await fetch(`${server.baseUrl}/api/v1/projects`, { headers: { cookie: viewer } })).json()) as {
      data: { name: string; role: string }[];
    };
    expect(projects.data).toEqual([expect.objectContaining({ name: expect.not.stringContaining("forged") as unknown, role: "viewer" })]);
  });
});
