import { expect, test, type Locator } from "@playwright/test";
import { signIn } from "./support";

// Day zoom draws 0.6 px per minute: a four-hour shift is 144 px wide.
const EVENING_SHIFT_PX = 4 * 60 * 0.6;

async function shadingWidths(row: Locator): Promise<number[]> {
  return row.locator(".bg-sky-50").evaluateAll((shadings) => shadings.map((shading) => Math.round(shading.getBoundingClientRect().width)));
}

test("an admin edits a line's shifts and a setup cell; the planner's open board shades the new shift", async ({ browser }) => {
  const plannerContext = await browser.newContext();
  const planner = await plannerContext.newPage();
  await signIn(planner, "planner@tailorline.test");
  await expect(planner).toHaveURL("/board");
  await expect(planner.getByTestId("board-live")).toHaveText(/live/);
  const flexCell = planner.getByTestId("gantt-row-NK-X1");
  await expect(flexCell).toBeVisible();
  expect(await shadingWidths(flexCell)).not.toContain(EVENING_SHIFT_PX);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@tailorline.test");
  await admin.getByRole("link", { name: /Line settings, shifts and setups/ }).click();
  await expect(admin).toHaveURL("/lines/manage");
  const row = admin.getByTestId("line-settings-row-NK-X1");
  await expect(row).toContainText("Europe/Stockholm");
  await expect(row).toContainText("×0.75");
  await row.getByRole("link", { name: "NK-X1" }).click();
  await expect(admin.getByRole("heading", { name: "NK-X1 · Flex cell" })).toBeVisible();

  // Edit Monday's day shift: it now ends at 16:00.
  const week = admin.getByTestId("week-grid");
  await week.getByRole("button", { name: "Edit Mon 08:00–17:00 day" }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Ends").fill("16:00");
  await dialog.getByRole("button", { name: "Apply" }).click();
  await expect(week.getByRole("button", { name: "Edit Mon 08:00–16:00 day" })).toBeVisible();

  // An evening shift that overlaps the day shift is refused, with the overlap named.
  await admin.getByRole("button", { name: "Add shift" }).click();
  await dialog.getByLabel("Starts").fill("15:00");
  await dialog.getByLabel("Ends").fill("19:00");
  await dialog.getByRole("button", { name: "Add 5 shifts" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Tue 15:00–19:00 overlaps Tue 08:00–17:00 day");
  // From 18:00 it fits, every day of the week.
  await dialog.getByLabel("Starts").fill("18:00");
  await dialog.getByLabel("Ends").fill("22:00");
  await dialog.getByLabel("Name").fill("evening");
  await dialog.getByLabel("Saturday").check();
  await dialog.getByLabel("Sunday").check();
  await dialog.getByRole("button", { name: "Add 7 shifts" }).click();
  await expect(dialog).toBeHidden();
  await expect(week.getByRole("button", { name: "Edit Sun 18:00–22:00 evening" })).toBeVisible();
  await admin.getByRole("button", { name: "Save week" }).click();
  await expect(admin.getByText("Weekly shifts saved")).toBeVisible();
  await expect(admin.getByTestId("calendar-preview")).toContainText("18:00–22:00");

  // The planner's board refetches on its own and shades the new evening shift.
  await expect.poll(() => shadingWidths(flexCell), { timeout: 15_000 }).toContain(EVENING_SHIFT_PX);

  // A setup matrix cell: typed, reviewed as a diff, saved.
  await admin.goto("/lines/manage/setup-matrix");
  const cell = admin.getByLabel("Setup from fridge-steel to fridge-glass");
  const before = await cell.inputValue();
  await cell.click();
  await cell.fill("27");
  await cell.press("ArrowRight");
  await expect(admin.getByLabel("Setup from fridge-steel to fridge-painted")).toBeFocused();
  await admin.getByRole("button", { name: "Review and save" }).click();
  await expect(admin.getByTestId("setup-matrix-diff")).toHaveText(`fridge-steel → fridge-glass: ${before ? `${before} min` : "default (30 min)"} → 27 min`);
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByText("Saved 1 change(s)")).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("Setup from fridge-steel to fridge-glass")).toHaveValue("27");

  // What the planner's board (and so the scheduler) reads.
  const board = await (await planner.request.get("/api/board")).json();
  expect(board.setups.matrix["fridge-steel"]["fridge-glass"]).toBe(27);

  await adminContext.close();
  await plannerContext.close();
});
