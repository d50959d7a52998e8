// Projects, their API keys, members and audit log.
import { apiKeyInputSchema, memberInputSchema, projectInputSchema, projectSettingsSchema, roleSchema as roleBodySchema } from "@/lib/forms/access-forms";
import { errorAnswer, jsonContent, operation, type ApiOperation } from "../operations";
import { auditLogQuery, pathParams } from "../params";
import {
  apiKeyCreatedSchema,
  apiKeyListSchema,
  auditPageSchema,
  memberInvitedSchema,
  memberListSchema,
  memberSchema,
  projectCreatedSchema,
  projectListSchema,
  projectSettingsAnswerSchema,
  redactionConfigSchema,
} from "../schemas/access";

const badBody = errorAnswer("Invalid JSON or a bad field; `parameter` names the field (`body` for the body as a whole).");
const tooLarge = errorAnswer("Body over 64 KiB.");
const noProject = errorAnswer("No such project, or not the caller's (a key reaches only its own project).");
const lastAdmin = errorAnswer("A project keeps at least one admin: make someone else admin first.");
const jsonBody = (schema: Parameters<typeof jsonContent>[0]) => ({ required: true, content: jsonContent(schema) });
const noContent = { description: "Done; no body." };

export const projectOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/v1/projects",
    tags: ["Projects"],
    summary: "List the caller's projects",
    description: "A session: the user's projects with their role (every project for an instance admin). An API key: its own project.",
    access: "read",
    responses: { 200: { description: "The projects.", content: jsonContent(projectListSchema) } },
  }),
  operation({
    method: "post",
    path: "/api/v1/projects",
    tags: ["Projects"],
    summary: "Create a project",
    description: "The slug defaults to one made from the name.",
    access: "instance-admin",
    request: {
      body: jsonBody(
        projectInputSchema
          .strict()
          .meta({ id: "ProjectCreate", description: "`slug`: lower-case letters, digits and dashes (1–48); made from the name when omitted." }),
      ),
    },
    responses: {
      201: { description: "The new project.", content: jsonContent(projectCreatedSchema) },
      400: badBody,
      409: errorAnswer("The slug is taken."),
      413: tooLarge,
    },
  }),
  operation({
    method: "patch",
    path: "/api/v1/projects/{slug}",
    tags: ["Projects"],
    summary: "Rename a project, set its retention or its loop threshold",
    description:
      "`retentionDays`: traces that ended longer ago are purged; null keeps them forever. `loopThreshold` (2–1000): identical calls from which a tool loop or repeated LLM call is a finding; a change analyses the project's traces of the last 30 days again.",
    access: "admin",
    request: {
      params: pathParams.slug,
      body: jsonBody(
        projectSettingsSchema.meta({
          id: "ProjectChange",
          minProperties: 1,
          description: "Any of: a new name, a retention in days (null keeps traces forever), a loop threshold.",
        }),
      ),
    },
    responses: {
      200: { description: "The project as changed.", content: jsonContent(projectSettingsAnswerSchema) },
      400: badBody,
      404: noProject,
      413: tooLarge,
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/projects/{slug}/api-keys",
    tags: ["Projects"],
    summary: "List the project's API keys",
    description: "Live keys (not revoked) with prefix, scopes, last use and expiry; never the keys themselves.",
    access: "admin",
    request: { params: pathParams.slug },
    responses: { 200: { description: "The keys.", content: jsonContent(apiKeyListSchema) }, 404: noProject },
  }),
  operation({
    method: "post",
    path: "/api/v1/projects/{slug}/api-keys",
    tags: ["Projects"],
    summary: "Create an API key",
    description: "Scopes: `ingest` (the OTLP endpoints), `read`, `write`, `admin`. The key is in the answer this once; it is stored hashed.",
    access: "admin",
    request: {
      params: pathParams.slug,
      body: jsonBody(
        apiKeyInputSchema.strict().meta({
          id: "ApiKeyCreate",
          description: "`scopes`: one or more KeyScope values; `expiresAt`: a future time, or omitted or null for a key that does not expire.",
        }),
      ),
    },
    responses: { 201: { description: "The key, shown once.", content: jsonContent(apiKeyCreatedSchema) }, 400: badBody, 404: noProject, 413: tooLarge },
  }),
  operation({
    method: "delete",
    path: "/api/v1/projects/{slug}/api-keys/{id}",
    tags: ["Projects"],
    summary: "Revoke an API key",
    description: "The key fails on every server within 5 s.",
    access: "admin",
    request: { params: pathParams.slugAndKey },
    responses: { 204: noContent, 404: errorAnswer("No such key in this project.") },
  }),
  operation({
    method: "get",
    path: "/api/v1/projects/{slug}/members",
    tags: ["Projects"],
    summary: "List the project's members",
    access: "read",
    request: { params: pathParams.slug },
    responses: { 200: { description: "The members.", content: jsonContent(memberListSchema) }, 404: noProject },
  }),
  operation({
    method: "post",
    path: "/api/v1/projects/{slug}/members",
    tags: ["Projects"],
    summary: "Add a member",
    description: "A new email becomes an invited user: the answer carries a one-time `inviteUrl` to send them.",
    access: "admin",
    request: {
      params: pathParams.slug,
      body: jsonBody(memberInputSchema.strict().meta({ id: "MemberAdd", description: "An email that is new to the instance becomes an invited user." })),
    },
    responses: {
      201: { description: "The member.", content: jsonContent(memberInvitedSchema) },
      400: badBody,
      404: noProject,
      409: errorAnswer("Already a member of the project."),
      413: tooLarge,
    },
  }),
  operation({
    method: "patch",
    path: "/api/v1/projects/{slug}/members/{userId}",
    tags: ["Projects"],
    summary: "Change a member's role",
    access: "admin",
    request: { params: pathParams.slugAndUser, body: jsonBody(roleBodySchema.strict().meta({ id: "MemberChange" })) },
    responses: {
      200: { description: "The member as changed.", content: jsonContent(memberSchema) },
      400: badBody,
      404: errorAnswer("No such member in this project."),
      409: lastAdmin,
      413: tooLarge,
    },
  }),
  operation({
    method: "delete",
    path: "/api/v1/projects/{slug}/members/{userId}",
    tags: ["Projects"],
    summary: "Remove a member",
    access: "admin",
    request: { params: pathParams.slugAndUser },
    responses: { 204: noContent, 404: errorAnswer("No such member in this project."), 409: lastAdmin },
  }),
  operation({
    method: "get",
    path: "/api/v1/projects/{slug}/audit-log",
    tags: ["Projects"],
    summary: "Read the audit log",
    description:
      "Newest first: sign-ins, key and member changes, price changes, alert rule changes, retention changes and deletions of the project, and the instance-wide events (sign-ins) of its members.",
    access: "admin",
    request: { params: pathParams.slug, query: auditLogQuery },
    responses: {
      200: { description: "A page of events.", content: jsonContent(auditPageSchema) },
      400: errorAnswer("A bad parameter; `parameter` names it."),
      404: noProject,
    },
  }),
  operation({
    method: "get",
    path: "/api/v1/projects/{slug}/redaction",
    tags: ["Projects"],
    summary: "Read the redaction settings",
    access: "read",
    request: { params: pathParams.slug },
    responses: { 200: { description: "The settings in force.", content: jsonContent(redactionConfigSchema) }, 404: noProject },
  }),
  operation({
    method: "put",
    path: "/api/v1/projects/{slug}/redaction",
    tags: ["Projects"],
    summary: "Change the redaction settings",
    description:
      "Applies to everything sent from then on (on this server at once, on every other within 5 s); stored data is not rewritten. Every pattern is compiled and checked before anything is saved.",
    access: "admin",
    request: { params: pathParams.slug, body: jsonBody(redactionConfigSchema) },
    responses: {
      200: { description: "The settings saved.", content: jsonContent(redactionConfigSchema) },
      400: errorAnswer(
        "An unknown detector, a bad name, or a pattern that is invalid, unbounded or uses backreferences; `parameter` is `detectors`, `patterns` or `body`.",
      ),
      404: noProject,
      413: tooLarge,
    },
  }),
];
