import { expect, test } from "./fixtures";

// A server of its own configured for single sign-on against a local OpenID Connect provider
// (tests/support/oidc-provider.ts), signed out: "Sign in with SSO" on /login → the provider's page → back.
test.use({ storageState: { cookies: [], origins: [] } });

test("Sign in with SSO: the provider's page, then the dashboard signed in; a refused domain gets a clear message", async ({ page, baseURL, snap }) => {
  test.skip(Boolean(process.env.HINDSIGHT_E2E_EXTERNAL), "needs its own server configured for SSO");
  const { startHindsight } = await import("../support/hindsight-server");
  const { startOidcProvider } = await import("../support/oidc-provider");
  const idp = await startOidcProvider([
    { email: "sam@allowed.test", name: "Sam" },
    { email: "max@elsewhere.test", name: "Max" },
  ]);
  const server = await startHindsight({ database: "sqlite", env: idp.hindsightEnv(["allowed.test"]) }).catch(async (error: unknown) => {
    await idp.stop();
    throw error;
  });
  idp.allowHindsight(server.baseUrl);
  try {
    // The shared server has no SSO configured: no button there.
    await page.goto(`${baseURL}/login`);
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in with SSO" })).toHaveCount(0);

    await page.goto(`${server.baseUrl}/projects/default/traces`);
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByRole("button", { name: "Sign in with SSO" }).click();
    await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
    await page.getByLabel("Email").fill("sam@allowed.test");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(`${server.baseUrl}/projects/default/traces`);
    await expect(page.getByTestId("user-menu")).toContainText("sam@allowed.test");
    await snap("sso-signed-in");

    // Signed out, someone from a domain that is not allowed comes back to /login with the reason. (Signing
    // out of Hindsight leaves the provider's own session, as with any provider: end it to change user.)
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/login/);
    await page.context().clearCookies({ name: /^_session/ });
    await page.getByRole("button", { name: "Sign in with SSO" }).click();
    await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
    await page.getByLabel("Email").fill("max@elsewhere.test");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(new RegExp(`^${server.baseUrl}/login\\?error=sso`));
    await expect(page.getByTestId("form-error")).toContainText("your email domain is not allowed to sign in here");
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
  } finally {
    await server.stop();
    await idp.stop();
  }
});
