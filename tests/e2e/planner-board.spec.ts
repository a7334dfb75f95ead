import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

// The three scenarios share one factory (one scheduler run at a time), so they run in order.
test.describe.configure({ mode: "serial" });

async function openBoard(page: Page) {
  await signIn(page, "planner@tailorline.test");
  await expect(page).toHaveURL("/board");
  await expect(page.getByTestId("board-live")).toHaveText(/live/);
}

test("a planner runs the scheduler, sees the proposal, accepts and publishes", async ({ page }) => {
  await openBoard(page);
  await page.getByLabel("Scheduler time limit").selectOption("3");
  await page.getByRole("button", { name: "Run scheduler" }).click();
  await expect(page.getByTestId("scheduler-progress")).toBeVisible();
  const proposal = page.getByTestId("proposal");
  await expect(proposal).toBeVisible({ timeout: 30_000 });
  // Moved jobs are highlighted and the KPIs show what would change.
  await expect(page.locator("[data-testid^=job-bar-BL-]").first()).toBeVisible();
  await proposal.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText(/Proposal accepted: \d+ job\(s\) changed/)).toBeVisible();
  await page.getByRole("button", { name: "Publish plan" }).click();
  await expect(page.getByText(/Plan v\d+ published/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Published plan: v\d+/)).toBeVisible();
});

test("dragging a job onto a line without its capabilities is refused, with the reason", async ({ page }) => {
  await openBoard(page);
  const fridgeJob = page.locator("[data-testid^=job-bar-BL-NK][aria-label*=fridge]").first();
  await fridgeJob.scrollIntoViewIfNeeded();
  await expect(fridgeJob).toBeVisible();
  const washerRow = page.getByTestId("gantt-row-NK-W1");
  const from = (await fridgeJob.boundingBox())!;
  const to = (await washerRow.boundingBox())!;
  // A fridge on the washer line: the refusal names what the line cannot do.
  await page.mouse.move(from.x + 5, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, to.y + to.height / 2, { steps: 12 });
  const refusal = page.getByTestId("drag-refusal");
  await expect(refusal).toBeVisible();
  await expect(page.getByTestId("drag-ghost")).toHaveAttribute("data-ok", "false");
  const reason = await refusal.textContent();
  await page.mouse.up();
  expect(reason).toMatch(/^NK-W1 cannot do .*(foaming|refrigeration-assembly)/);
  await expect(page.getByRole("alert").filter({ hasText: reason!.slice(0, 20) })).toBeVisible();
});

test("a planner marks a line down and accepts the repair", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("button", { name: "Actions for NK-F1" }).click();
  const until = new Date(Date.now() + 3 * 86_400_000);
  const local = new Date(until.getTime() - until.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByLabel("Down until (your local time)").fill(local);
  await page.getByLabel("Reason").fill("foam head failure");
  await page.getByRole("button", { name: "Mark line down and propose a repair" }).click();
  await expect(page.getByText(/job\(s\) hit: /)).toBeVisible();
  await expect(page.getByTestId("gantt-row-NK-F1")).toContainText("down");
  const proposal = page.getByTestId("proposal");
  await expect(proposal).toContainText("Repair proposal", { timeout: 30_000 });
  await proposal.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText(/Proposal accepted/)).toBeVisible();
});
