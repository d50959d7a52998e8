// Reviewing five runs of a review queue with the keyboard: each run shows its conversation (the LLM call's
// messages) and tool calls; keys 1 and 2 label it, S skips it, and the page moves on to the next run until
// the queue is done. The labels land on the queue's progress.
import { randomBytes } from "node:crypto";
import { createSeedTracer } from "./otlp-seed";
import { expect, test } from "./fixtures";

test("reviews five runs with the keyboard", async ({ page, target }) => {
  const run = randomBytes(4).toString("hex");
  const task = `review-e2e-${run}`;
  const tracer = createSeedTracer(target, "review-e2e");
  const start = Date.now() - 60_000;
  for (let i = 0; i < 5; i++) {
    const root = tracer.emit({ name: task, startMs: start + i * 1000, endMs: start + i * 1000 + 800, attributes: { "gen_ai.operation.name": "invoke_agent" } });
    tracer.emit(
      {
        name: "chat gpt-4o",
        startMs: start + i * 1000 + 10,
        endMs: start + i * 1000 + 400,
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.request.model": "gpt-4o",
          "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: `question ${i} of ${run}` }] }]),
        },
      },
      root,
    );
    tracer.emit(
      {
        name: "execute_tool lookup",
        startMs: start + i * 1000 + 420,
        endMs: start + i * 1000 + 700,
        attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "lookup" },
      },
      root,
    );
  }
  await tracer.flush();

  const created = await page.request.post(`/api/v1/review-queues`, {
    headers: { authorization: `Bearer ${target.apiKey}` },
    data: { name: `e2e ${run}`, filter: { name: task }, sampleSize: 5, scoreName: "helpful", labels: ["good", "bad"], seed: run },
  });
  expect(created.status()).toBe(201);
  const queue = (await created.json()) as { id: string; total: number };
  expect(queue.total).toBe(5);

  await page.goto(`/projects/default/review/${queue.id}`);
  const progress = page.getByTestId("review-progress");
  const panel = page.getByTestId("review-panel");
  await expect(progress).toHaveText("0 / 5 reviewed");
  await expect(page.getByTestId("trace-header")).toContainText(task);
  await expect(page.getByText("execute_tool lookup")).toBeVisible();
  await expect(panel.getByRole("button", { name: /good/ })).toBeVisible();

  const keys = ["1", "2", "1", "s", "1"];
  for (const [i, key] of keys.entries()) {
    const itemId = await panel.getAttribute("data-item-id");
    if (i === 1) await page.getByLabel("Failure mode").fill("wrong_tool");
    // Keys are ignored while typing in a field: leave it first.
    await page.getByTestId("trace-header").click();
    await page.keyboard.press(key);
    if (i < keys.length - 1) await expect(panel).not.toHaveAttribute("data-item-id", itemId!);
    await expect(progress).toHaveText(`${i + 1} / 5 reviewed`);
  }
  await expect(page.getByTestId("review-done")).toBeVisible();
  await expect(page.getByText("(1 skipped)")).toBeVisible();

  const results = await page.request.get(`/api/v1/review-queues/${queue.id}/results`, { headers: { authorization: `Bearer ${target.apiKey}` } });
  const body = (await results.json()) as {
    items: { state: string; label: string | null; failureMode: string | null }[];
    queue: { byLabel: Record<string, number> };
  };
  expect(body.items.map((item) => item.label ?? item.state)).toEqual(["good", "bad", "good", "skipped", "good"]);
  expect(body.items[1]!.failureMode).toBe("wrong_tool");
  expect(body.queue.byLabel).toEqual({ good: 3, bad: 1 });
});
