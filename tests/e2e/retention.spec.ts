// Retention in the browser: a project admin sets how long a project keeps traces in Settings, sees it
// applied (the API answers the same value, the audit log has the change), and clears it again. On a
// project of its own, so no other spec's traces are purged.
import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";

test("an admin sets and clears the project's retention in Settings", async ({ page, baseURL }) => {
  const slug = `retention-${randomBytes(3).toString("hex")}`;
  const created = await page.request.post("/api/v1/projects", { data: { name: "Retention", slug }, headers: { origin: baseURL! } });
  expect(created.status()).toBe(201);

  await page.goto(`/projects/${slug}/settings`);
  const form = page.getByTestId("retention-form");
  await expect(form).toContainText("Traces are kept forever.");
  const days = form.getByLabel("Retention in days");
  await days.fill("0");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toContainText("must be at least 1");
  await days.fill("90");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toContainText("Traces older than 90 days are purged from now on.");
  await page.reload();
  await expect(page.getByTestId("retention-form")).toContainText("Traces are kept for 90 days after they end.");
  const audit = await page.request.get(`/api/v1/projects/${slug}/audit-log?project=${slug}`);
  expect(((await audit.json()) as { data: { action: string; details: { to?: unknown } }[] }).data).toContainEqual(
    expect.objectContaining({ action: "project.retention_change", details: expect.objectContaining({ to: 90 }) }),
  );

  await page.getByTestId("retention-form").getByLabel("Retention in days").fill("");
  await page.getByTestId("retention-form").getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("retention-form")).toContainText("Traces are kept forever.");
});
