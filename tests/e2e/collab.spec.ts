// Retro collaboration in the browser: comment on a span and find it in the trace's thread (hostile
// Markdown stays inert), tag a run from the list and filter by the tag, open a share link in a fresh
// browser context that has no session.
import { expect, expectNotPwned, test } from "./fixtures";
import { SEED, XSS_IMG, XSS_SCRIPT } from "./seed-data";

test.describe.configure({ mode: "serial" });

const HOSTILE = `Look: [click me](javascript:window.__pwned=1) and ![pic](javascript:window.__pwned=2)\n\n${XSS_SCRIPT}\n\n${XSS_IMG}\n\n<a href="javascript:window.__pwned=3">raw link</a>`;

test("comment on a span, see it in the thread; hostile Markdown stays inert", async ({ page, seed }) => {
  await page.goto(`/projects/default/traces/${seed.batchTraceId}`);
  await expect(page.getByTestId("trace-explorer")).toHaveAttribute("data-ready", "true");
  await page.getByTestId("span-row").last().click();
  await page.getByRole("tab", { name: /Comments/ }).click();
  const spanComments = page.getByTestId("span-comments");
  await spanComments.getByLabel("Comment").fill(`Slow **batch** step ${SEED.run}`);
  await spanComments.getByRole("button", { name: "Comment" }).click();
  await expect(spanComments.getByTestId("comment")).toHaveCount(1);
  await expect(spanComments.locator("strong")).toHaveText("batch");

  const thread = page.getByTestId("trace-thread");
  await expect(thread).toContainText("Comments 1");
  await expect(thread.getByTestId("comment")).toContainText(`Slow batch step ${SEED.run}`);
  await expect(thread.getByTestId("comment-span-link")).toHaveCount(1);

  await thread.getByLabel("Comment").fill(HOSTILE);
  await thread.getByRole("button", { name: "Comment" }).click();
  const hostile = thread.getByTestId("comment").nth(1);
  await expect(hostile).toContainText(XSS_SCRIPT);
  await expect(hostile).toContainText("onerror");
  // No javascript: URL survives: the links render without href, and clicking them runs nothing.
  await expect(hostile.locator("a[href^='javascript']")).toHaveCount(0);
  await expect(hostile.locator("img, script")).toHaveCount(0);
  await hostile.getByText("click me").click();
  await expectNotPwned(page);

  await page.reload();
  await expect(page.getByTestId("trace-thread").getByTestId("comment")).toHaveCount(2);
  await expectNotPwned(page);
});

test("mention a member while commenting and find the comment on the Mentions page", async ({ page, seed }) => {
  await page.goto(`/projects/default/traces/${seed.batchTraceId}`);
  await expect(page.getByTestId("trace-explorer")).toHaveAttribute("data-ready", "true");
  const thread = page.getByTestId("trace-thread");
  const box = thread.getByLabel("Comment");
  await box.pressSequentially(`Ask @admin`);
  const suggestions = thread.getByRole("listbox", { name: "Mention a member" });
  await expect(suggestions.getByRole("option").first()).toContainText("admin@hindsight.test");
  await box.press("Enter");
  await expect(suggestions).toHaveCount(0);
  await box.pressSequentially(`about run ${SEED.run} <b>x</b>`);
  await expect(box).toHaveValue(new RegExp(`^Ask \\[@[^\\]]+\\]\\(mention:[A-Za-z0-9_-]+\\) about run ${SEED.run}`));
  await thread.getByRole("button", { name: "Comment" }).click();
  const comment = thread.getByTestId("comment").filter({ hasText: `about run ${SEED.run}` });
  await expect(comment.getByTestId("mention")).toHaveText(/^@/);
  await expect(comment.locator("a[href^='mention']")).toHaveCount(0);
  await expect(comment.locator("b")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mentions" }).click();
  await expect(page).toHaveURL(/\/projects\/default\/mentions/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mentions" })).toHaveAttribute("aria-current", "page");
  await expect(
    page
      .getByTestId("mention-item")
      .filter({ hasText: `about run ${SEED.run}` })
      .getByTestId("mention"),
  ).toHaveCount(1);
});

test("tag a run from the list and filter the list by the tag", async ({ page }) => {
  const tag = `retro-${SEED.run}`;
  await page.goto(`/projects/default/traces?range=1h&q=${encodeURIComponent(SEED.run)}`);
  const row = page.getByTestId("trace-row").filter({ hasText: SEED.batchName });
  await row.getByRole("button", { name: "Add tag" }).click();
  await row.getByLabel("New tag").fill(tag);
  await row.getByLabel("New tag").press("Enter");
  await expect(row.getByTestId("tag")).toHaveText([`${tag}×`]);

  await row.getByRole("link", { name: tag }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  const rows = page.getByTestId("trace-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(SEED.batchName);

  // The filter form offers the same filter, and clearing it brings the other runs back.
  await expect(page.getByLabel("Tag", { exact: true })).toHaveValue(tag);
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page).not.toHaveURL(/tag=/);
  await expect(rows.filter({ hasText: SEED.runName })).toHaveCount(1);
});

test("a share link opens the trace in a browser without a session, and stops after revoke", async ({ page, seed, browser, baseURL }) => {
  await page.goto(`/projects/default/traces/${seed.runTraceId}`);
  await page.getByTestId("share-details").locator("summary").click();
  await page.getByRole("button", { name: "Create link" }).click();
  const shareUrl = (await page.getByTestId("share-url").textContent())!;
  expect(shareUrl).toMatch(/\/share\/hsshare_/);

  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL });
  const visitor = await anonymous.newPage();
  await visitor.goto(shareUrl);
  await expect(visitor.getByTestId("shared-trace")).toContainText(SEED.runName);
  await expect(visitor.getByTestId("span-row")).toHaveCount(SEED.runSpanNames.length);
  await visitor.getByTestId("span-row").nth(2).click();
  await expect(visitor.getByTestId("span-detail")).toHaveAttribute("data-loaded", "true");
  await expect(visitor.getByRole("tab", { name: /Comments/ })).toHaveCount(0);
  await visitor.goto(`/projects/default/traces/${seed.batchTraceId}`);
  await expect(visitor).toHaveURL(/\/login\?next=/);

  await page.getByTestId("share-links").getByRole("button", { name: "Revoke" }).first().click();
  await expect(page.getByTestId("share-created")).toHaveCount(0);
  const gone = await visitor.goto(shareUrl);
  expect(gone?.status()).toBe(404);
  await anonymous.close();
});

test("start a retro from a trace and download its Markdown", async ({ page, seed }) => {
  await page.goto(`/projects/default/traces/${seed.runTraceId}`);
  await page.getByTestId("retro-actions").getByRole("button", { name: "Start retro" }).click();
  await expect(page).toHaveURL(/\/projects\/default\/retros\/[0-9a-f-]{36}$/);
  const view = page.getByTestId("retro-view");
  await expect(view).toContainText(`Retro: ${SEED.runName}`);
  await expect(view.getByTestId("trace-row")).toHaveCount(1);
  await expect(page.getByTestId("retro-timeline")).toContainText("First failing run");

  await page.getByLabel("Severity").selectOption("sev2");
  // The change refreshes the page from the server: edit the summary once that has landed.
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Edit summary" }).click();
  await page.getByLabel("Comment", { exact: true }).fill("The e-mail step failed: **SMTP** refused the connection.");
  await page.getByRole("button", { name: "Save summary" }).click();
  await expect(view.locator("strong")).toHaveText("SMTP");

  const download = page.waitForEvent("download");
  await page.getByTestId("retro-export").click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const markdown = Buffer.concat(text as Buffer[]).toString("utf8");
  expect(markdown).toContain(`# Retro: ${SEED.runName.replace(/[-.]/g, (c) => `\\${c}`)}`);
  expect(markdown).toContain("**Severity:** sev2");
  expect(markdown).toContain("The e-mail step failed: **SMTP** refused the connection.");
  expect(markdown).toContain(`/projects/default/traces/${seed.runTraceId})`);
});
