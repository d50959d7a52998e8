// Access in the browser: what a viewer sees (and a forged server action from their session does), the
// security headers and nonce CSP of every page with no violation in the console, inviting a member, and
// API keys shown once.
import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import { callServerAction, formOf } from "../integration/support/server-actions";
import { listServerActions } from "../integration/support/route-tree";
import { userSession } from "../support/seed-users";
import { expect, test } from "./fixtures";

const databaseUrl = () => process.env.HINDSIGHT_E2E_DATABASE_URL ?? "";

async function signedInAs(context: BrowserContext, baseUrl: string, cookieHeader: string): Promise<void> {
  await context.clearCookies();
  const [name, ...value] = cookieHeader
    .split("; ")
    .find((c) => c.startsWith("hindsight.session_token="))!
    .split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
}

/** Collects CSP violations the page reports (the browser also logs them as console errors). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

test("a viewer sees no edit forms, and a forged server action from their session changes nothing", async ({ page, context, baseURL, target }) => {
  test.skip(!databaseUrl(), "needs the test server's database to seed a viewer");
  const viewer = await userSession({ baseUrl: baseURL!, databaseUrl: databaseUrl() }, `viewer-${randomBytes(3).toString("hex")}@e2e.test`, "viewer");
  await signedInAs(context, baseURL!, viewer);

  await page.goto("/projects/default/alerts");
  await expect(page.getByRole("heading", { name: "Rules" })).toBeVisible();
  await expect(page.getByTestId("rule-form")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

  await page.goto("/projects/default/settings");
  await expect(page.getByTestId("prices")).toBeVisible();
  await expect(page.getByTestId("price-form")).toHaveCount(0);
  await expect(page.getByTestId("project-name-form")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save redaction" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link")).toHaveText(["General", "Members"]);
  await page.goto("/projects/default/settings/members");
  await expect(page.getByTestId("members")).toBeVisible();
  await expect(page.getByTestId("invite-member-form")).toHaveCount(0);
  expect((await page.request.get("/projects/default/settings/api-keys")).status()).toBe(404);

  // Forge the price form's action with the viewer's cookie: refused, and the price table is unchanged.
  const before = await (await fetch(`${target.baseUrl}/api/v1/prices`, { headers: { authorization: `Bearer ${target.apiKey}` } })).text();
  const savePrice = listServerActions().find((a) => a.exportedName === "savePrice")!;
  const form = formOf({ model: "forged-model", inputPerMTokUsd: "1", outputPerMTokUsd: "1" });
  const answer = await callServerAction(baseURL!, "/projects/default/settings", savePrice.id, ["default", { status: "idle" }, form], viewer);
  expect(answer.text).toContain("Your role (viewer) does not allow this change.");
  expect(await (await fetch(`${target.baseUrl}/api/v1/prices`, { headers: { authorization: `Bearer ${target.apiKey}` } })).text()).toBe(before);
});

test("every page carries the security headers and a nonce CSP, and none reports a violation", async ({ page, seed }) => {
  test.setTimeout(180_000); // seventeen pages, each left to settle
  const violations = await watchCsp(page);
  const pages = [
    "/projects/default/traces",
    `/projects/default/traces/${seed.runTraceId}`,
    "/projects/default/sessions",
    "/projects/default/dashboards/latency",
    "/projects/default/dashboards/cost",
    "/projects/default/dashboards/drift",
    "/projects/default/dashboards/findings",
    `/projects/default/traces/diff?a=${seed.runTraceId}&b=${seed.batchTraceId}`,
    "/projects/default/dashboards/approvals",
    "/projects/default/tool-calls",
    "/projects/default/approvals",
    "/projects/default/alerts",
    "/projects/default/settings",
    "/projects/default/settings/members",
    "/projects/default/settings/api-keys",
    "/projects/default/settings/audit-log",
    "/projects",
    "/account",
  ];
  for (const path of pages) {
    const response = (await page.goto(path))!;
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    const scripts = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scripts, path).not.toContain("unsafe-inline");
    expect(scripts, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});

test("the sign-in page is protected too, and refuses a wrong password with a clear message", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const violations = await watchCsp(page);
  const response = (await page.goto(`${baseURL}/projects/default/alerts`))!;
  await expect(page).toHaveURL(/\/login\?next=%2Fprojects%2Fdefault%2Falerts/);
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const admin = JSON.parse(process.env.HINDSIGHT_E2E_ADMIN ?? "{}") as { email: string; password: string };
  await page.locator('input[name="email"]').fill(admin.email);
  await page.locator('input[name="password"]').fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await page.locator('input[name="password"]').fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects\/default\/alerts$/);
  expect(violations).toEqual([]);
  await context.close();
});

test("an admin invites a member by link; the link sets their password and opens the project", async ({ page, browser, baseURL, snap }) => {
  const email = `new-${randomBytes(3).toString("hex")}@e2e.test`;
  await page.goto("/projects/default/settings/members");
  await page.getByTestId("invite-member-form").locator('input[name="email"]').fill(email);
  await page.getByTestId("invite-member-form").locator('select[name="role"]').selectOption("member");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("invite-url").locator("code").textContent())!;
  expect(link).toMatch(new RegExp(`^${baseURL}/invite/[A-Za-z0-9_-]{32}$`));
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toContainText("invited");
  await snap("settings-members");

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const invitee = await context.newPage();
  await invitee.goto(link);
  await invitee.locator('input[name="name"]').fill("New Member");
  await invitee.locator('input[name="password"]').fill("a fine password 42");
  await invitee.locator('input[name="confirm"]').fill("a fine password 42");
  await invitee.getByRole("button", { name: "Join" }).click();
  await expect(invitee).toHaveURL(/\/projects\/default\/traces/);
  await expect(invitee.getByTestId("project-switcher")).toContainText("member");
  // The link is spent.
  await invitee.goto(link);
  await expect(invitee.getByText("Invitation used")).toBeVisible();
  await context.close();
});

test("an API key is shown once, listed by prefix, and revoked", async ({ page }) => {
  const name = `e2e key ${randomBytes(3).toString("hex")}`;
  await page.goto("/projects/default/settings/api-keys");
  const form = page.getByTestId("create-key-form");
  await form.locator('input[name="name"]').fill(name);
  await form.getByLabel("read").check();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-key").locator("code").textContent())!;
  expect(key).toMatch(/^hs_/);
  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  await expect(row).toContainText(`${key.slice(0, 10)}…`);
  await expect(row).toContainText("ingest, read");
  expect((await fetch(`${page.url().split("/projects")[0]}/api/v1/traces?limit=1`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("api-key-row").filter({ hasText: name })).toHaveCount(0);
  expect((await fetch(`${page.url().split("/projects")[0]}/api/v1/traces?limit=1`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
});
