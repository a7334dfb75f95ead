import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const FRIDGE = "/catalogue/nordkyl/custom-refrigerator";

test("an admin sees a contradictory rule block publishing, removes it, publishes, and consumers get the new version", async ({ page, browser }) => {
  await signIn(page, "admin@tailorline.test");
  await page.goto("/admin");
  await page.getByRole("link", { name: /Products/ }).click();
  await page.getByRole("link", { name: "Custom refrigerator" }).click();
  await expect(page.getByRole("heading", { name: "Custom refrigerator" })).toBeVisible();
  const publish = page.getByRole("button", { name: "Publish" });
  const problems = page.getByTestId("analysis-problem");
  await expect(page.getByText("no problems", { exact: true })).toBeVisible();

  // A rule that contradicts "express-stock-finishes": express production could never be chosen.
  await page.getByRole("tab", { name: "Rules" }).click();
  await page.getByRole("button", { name: "Add rule" }).click();
  const rule = page.getByTestId("rule-card").last();
  await rule.getByLabel("Rule id").fill("express-only-in-glass");
  await rule.getByLabel("Message to the consumer").fill("Express production is only available in black glass.");
  const when = rule.getByRole("group", { name: "When" });
  await when.getByLabel("Group").selectOption({ label: "Production" });
  await when.getByLabel("Option").selectOption({ label: "Express production" });
  const then = rule.getByRole("group", { name: "Then require" });
  await then.getByLabel("Group").selectOption({ label: "Finish" });
  await then.getByLabel("Option").selectOption({ label: "Black glass" });

  await expect(problems).toHaveCount(1);
  await expect(problems).toContainText('"Express production" in "Production" can never be chosen');
  await expect(problems).toContainText("express-only-in-glass");
  await expect(problems).toContainText("express-stock-finishes");
  await expect(publish).toBeDisabled();

  // Saved as a draft with its problem; the server's analysis agrees and publishing stays blocked.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Saved as a draft with 1 problem to fix before publishing.")).toBeVisible();
  await expect(page.getByTestId("publish-blockers")).toContainText("Fix the 1 problem the analysis found.");
  await expect(publish).toBeDisabled();

  // Removed in the browser: the live analysis is clean; the server's (at the last save) still decides.
  await rule.getByRole("button", { name: "Remove rule express-only-in-glass" }).click();
  await expect(problems).toHaveCount(0);
  await expect(page.getByTestId("server-analysis-problem")).toHaveCount(1);

  // The change consumers will see: a new extra.
  await page.getByRole("tab", { name: "Options" }).click();
  await page.getByTestId("group-extras").getByText("Extras", { exact: true }).click();
  await page.getByTestId("group-extras").getByRole("button", { name: "Add option" }).click();
  const option = page.getByTestId("group-extras").getByTestId("option-card").last();
  await option.getByLabel("Code").fill("egg-tray");
  await option.getByLabel("Label", { exact: true }).fill("Egg tray");
  await option.getByLabel("Price delta (EUR)").fill("15");
  await expect(page.getByText("no problems", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Saved. The analysis found no problems.")).toBeVisible();
  await expect(page.getByTestId("server-analysis-problem")).toHaveCount(0);
  await expect(publish).toBeEnabled();
  await publish.click();
  await expect(page.getByText(/Published version 2/)).toBeVisible();
  await expect(page.getByTestId("version-history")).toContainText("v2");
  await expect(publish).toBeDisabled(); // nothing new to publish

  const consumer = await browser.newPage();
  await consumer.goto(FRIDGE);
  await expect(consumer.getByLabel(/Egg tray/)).toBeVisible();
  await consumer.getByLabel(/Egg tray/).check();
  await expect(consumer).toHaveURL(/egg-tray/);
  await consumer.close();
});
