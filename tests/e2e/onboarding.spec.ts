import { expect, test } from "./fixtures";

// A server of its own with an empty database and no headless admin: what a user sees right after
// `npm install && npm start`.
test.use({ storageState: { cookies: [], origins: [] } });

test("first start: /setup creates the admin, signs them in and shows the onboarding with their key", async ({ page, snap }) => {
  test.skip(Boolean(process.env.HINDSIGHT_E2E_EXTERNAL), "needs its own empty server");
  const { startHindsight } = await import("../support/hindsight-server");
  const server = await startHindsight({ database: "sqlite", env: { HINDSIGHT_ADMIN_EMAIL: "", HINDSIGHT_ADMIN_PASSWORD: "" } });
  try {
    await page.goto(`${server.baseUrl}/projects/default/traces`);
    await expect(page).toHaveURL(`${server.baseUrl}/setup`);
    const field = (name: string) => page.locator(`input[name="${name}"]`);
    await field("name").fill("Ada Admin");
    await field("email").fill("ada@example.com");
    await field("password").fill("short");
    await field("confirm").fill("short");
    await page.getByRole("button", { name: "Create the admin account" }).click();
    await expect(page.getByText("password: must be at least 12 characters")).toBeVisible();
    // What was typed stays after the refused submit (React resets a form after its action runs).
    await expect(field("name")).toHaveValue("Ada Admin");
    await expect(field("email")).toHaveValue("ada@example.com");
    await field("password").fill("a long enough password");
    await field("confirm").fill("a long enough password");
    await page.getByRole("button", { name: "Create the admin account" }).click();

    const onboarding = page.getByTestId("onboarding");
    await expect(onboarding).toContainText(`${server.baseUrl}/v1/traces`);
    const key = (await page.getByTestId("onboarding-key").locator("code").textContent())!;
    expect(key).toMatch(/^hs_[A-Za-z0-9_-]{32}$/);
    await expect(onboarding.locator("pre").first()).toContainText(`HINDSIGHT_API_KEY=${key}`);
    await expect(onboarding.locator("pre").filter({ hasText: "OTLPSpanExporter" })).toContainText(`endpoint="${server.baseUrl}/v1/traces"`);
    await snap("setup-onboarding");

    // The key works for ingest, and the session is real: the dashboard opens signed in, still empty.
    const sent = await fetch(`${server.baseUrl}/v1/traces`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(sent.status).toBe(200);
    await page.getByRole("link", { name: "Open the dashboard" }).click();
    await expect(page).toHaveURL(`${server.baseUrl}/projects/default/traces`);
    await expect(page.getByTestId("onboarding")).toBeVisible();
    await expect(page.getByTestId("user-menu")).toContainText("ada@example.com");

    // Once an admin exists, /setup only points to sign-in.
    const again = await page.request.get(`${server.baseUrl}/setup`);
    expect(await again.text()).toContain("Hindsight is set up already");

    // Sign out ends the session on the server: the old cookie no longer opens a page.
    const cookie = (await page.context().cookies()).find((c) => c.name === "hindsight.session_token")!;
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login/);
    const replay = await fetch(`${server.baseUrl}/projects/default/traces`, { headers: { cookie: `${cookie.name}=${cookie.value}` }, redirect: "manual" });
    expect(replay.status).toBe(307);
    expect(replay.headers.get("location")).toContain("/login?next=");

    // And back in with the password.
    await field("email").fill("ada@example.com");
    await field("password").fill("a long enough password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/projects\/default\/traces/);
  } finally {
    // Leave the page first: the empty traces page keeps polling for the first trace.
    await page.goto("about:blank");
    await server.stop();
  }
});
