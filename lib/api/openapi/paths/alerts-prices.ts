// Alert rules and incidents; the project's price table.
import { ruleCreateSchema, rulePatchSchema } from "@/lib/alerts/rule-schema";
import { priceInputSchema } from "@/lib/pricing/price-input";
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { incidentQuery, pathParams } from "../params";
import { alertRuleCreatedSchema, alertRuleListSchema, alertRuleSchema, evaluateAnswerSchema, incidentListSchema } from "../schemas/alerts";
import { deletedSchema } from "../schemas/common";
import { priceListSchema, priceResetSchema, priceSetSchema } from "../schemas/system";

const badBody = errorAnswer("Invalid JSON or a bad field; `parameter` names the field (`body` for the body as a whole).");
const tooLarge = errorAnswer("Body over 64 KiB.");
const noRule = errorAnswer("The project holds no such rule.");
const jsonBody = (schema: Parameters<typeof jsonContent>[0]) => ({ required: true, content: jsonContent(schema) });
const webhookRule =
  "A webhook URL whose host resolves to a loopback, private, link-local or metadata address is refused (400 saying why) unless HINDSIGHT_WEBHOOK_ALLOW_PRIVATE=1; it is checked again at delivery.";

export const alertOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/alerts/rules",
    tags: ["Alerts"],
    summary: "List alert rules",
    description: "The project's alert rules with their state.",
    access: "read",
    responses: { 200: { description: "The rules.", content: jsonContent(alertRuleListSchema) } },
  }),
  operation({
    method: "post",
    path: "/api/v1/alerts/rules",
    tags: ["Alerts"],
    summary: "Create an alert rule",
    description: `\`name\` and \`metric\` are required, and \`threshold\`, \`driftPct\` or both. ${webhookRule} The answer carries the webhook signing secret, this once.`,
    access: "write",
    request: {
      body: jsonBody(
        ruleCreateSchema.meta({
          id: "AlertRuleCreate",
          description:
            "The fields mean what they mean in AlertRule; `scope` defaults to `all`, `windowMinutes` to 60 (fixed for the spend metrics), `minRuns` to 1.",
        }),
      ),
    },
    responses: { 201: { description: "The rule, with its webhook secret.", content: jsonContent(alertRuleCreatedSchema) }, 400: badBody, 413: tooLarge },
  }),
  operation({
    method: "get",
    path: "/api/v1/alerts/rules/{id}",
    tags: ["Alerts"],
    summary: "Get an alert rule",
    access: "read",
    request: { params: pathParams.ruleId },
    responses: { 200: { description: "The rule.", content: jsonContent(alertRuleSchema) }, 404: noRule },
  }),
  operation({
    method: "put",
    path: "/api/v1/alerts/rules/{id}",
    tags: ["Alerts"],
    summary: "Change an alert rule",
    description: `Any subset of the fields; null clears an optional one. ${webhookRule}`,
    access: "write",
    request: {
      params: pathParams.ruleId,
      body: jsonBody(rulePatchSchema.meta({ id: "AlertRuleChange", description: "Any subset of AlertRuleCreate's fields; null clears an optional one." })),
    },
    responses: { 200: { description: "The rule as changed.", content: jsonContent(alertRuleSchema) }, 400: badBody, 404: noRule, 413: tooLarge },
  }),
  operation({
    method: "delete",
    path: "/api/v1/alerts/rules/{id}",
    tags: ["Alerts"],
    summary: "Delete an alert rule",
    description: "Deletes the rule with its incidents.",
    access: "write",
    request: { params: pathParams.ruleId },
    responses: { 200: { description: "Deleted.", content: jsonContent(deletedSchema) }, 404: noRule },
  }),
  operation({
    method: "post",
    path: "/api/v1/alerts/rules/{id}/evaluate",
    tags: ["Alerts"],
    summary: "Evaluate an alert rule now",
    description:
      "Evaluates the rule as the scheduler would: opens or closes its incident and notifies its webhook in the background (`x-hindsight-delivery: <incidentId>:<state>` stays the same across retries).",
    access: "write",
    request: { params: pathParams.ruleId },
    responses: { 200: { description: "What was measured and what it did.", content: jsonContent(evaluateAnswerSchema) }, 404: noRule },
  }),
  operation({
    method: "get",
    path: "/api/v1/alerts/incidents",
    tags: ["Alerts"],
    summary: "List alert incidents",
    description: "The project's incidents, newest first, with their rule, values, example traces and webhook delivery attempts.",
    access: "read",
    request: { query: incidentQuery },
    responses: {
      200: { description: "The incidents.", content: jsonContent(incidentListSchema) },
      400: errorAnswer("A bad or unknown parameter; `parameter` names it."),
    },
  }),
];

const badModel = errorAnswer("`model` is not a price-table key.");

export const priceOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/prices",
    tags: ["Prices"],
    summary: "List the price table",
    description: "Every price in force in the project: built-in prices and the project's overrides, by model.",
    access: "read",
    responses: { 200: { description: "The price table.", content: jsonContent(priceListSchema) } },
  }),
  operation({
    method: "put",
    path: "/api/v1/prices/{model}",
    tags: ["Prices"],
    summary: "Add or override a model's price",
    description:
      "Matches dated snapshots and provider prefixes of the model too. The stored costs of that model are recomputed at once; costs reported on spans never change.",
    access: "admin",
    request: {
      params: pathParams.model,
      body: jsonBody(
        priceInputSchema.meta({
          id: "PriceInput",
          description: "USD per million tokens; cache prices are optional, and `provider` defaults to the built-in price's.",
        }),
      ),
    },
    responses: { 200: { description: "The override as stored.", content: jsonContent(priceSetSchema) }, 400: badBody, 413: tooLarge },
  }),
  operation({
    method: "delete",
    path: "/api/v1/prices/{model}",
    tags: ["Prices"],
    summary: "Remove a price override",
    description: "The built-in price applies again (or the model is unpriced); stored costs are recomputed.",
    access: "admin",
    request: { params: pathParams.model },
    responses: {
      200: { description: "Removed.", content: jsonContent(priceResetSchema) },
      400: badModel,
      404: errorAnswer("The project has no override for this model."),
    },
  }),
];
