import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const FRIDGE = "/catalogue/nordkyl/custom-refrigerator";

test("configure a fridge: reasons, price, preview, a shareable link, and the cart", async ({ page, context }) => {
  await signIn(page, "consumer@tailorline.test");
  await page.goto("/catalogue");
  await page.getByRole("link", { name: /Custom refrigerator/ }).click();
  await expect(page).toHaveURL(new RegExp(FRIDGE));

  // At the default width, side-by-side doors are not possible — and the page says why.
  const sideBySide = page.getByTestId("opt-door-side-by-side");
  await expect(sideBySide).toHaveAttribute("data-available", "false");
  await expect(sideBySide).toContainText("Side-by-side doors need a width of at least 90 cm.");

  // Choosing French doors, then a width past 90 cm: French doors become unavailable with their reason.
  const price = page.getByTestId("price-total");
  const previewBefore = await page.getByTestId("product-preview").innerHTML();
  const priceBefore = await price.textContent();
  await page.getByLabel(/French doors/).check();
  await expect(price).not.toHaveText(priceBefore!);
  await expect.poll(() => page.getByTestId("product-preview").innerHTML()).not.toBe(previewBefore);
  await page.getByLabel("Width in cm").fill("100");
  await page.getByLabel("Width in cm").press("Enter");
  await expect(page.getByText("French doors need a width of at most 90 cm.").first()).toBeVisible();

  // Black steel costs more, and the picture changes colour.
  await page.getByLabel("Single door with freezer drawer").check();
  const beforeFinish = await price.textContent();
  await page.getByLabel(/Black steel/).check();
  await expect(price).not.toHaveText(beforeFinish!);

  // The configuration lives in the link: another tab opens the same fridge.
  await expect(page).toHaveURL(/c=.*finish\.black-steel/);
  const shared = page.url();
  const other = await context.newPage();
  await other.goto(shared);
  await expect(other.getByLabel(/Black steel/)).toBeChecked();
  await expect(other.getByLabel("Width in cm")).toHaveValue("100");
  await expect(other.getByTestId("price-total")).toHaveText((await price.textContent())!);

  // A link with nonsense in it says what it dropped.
  await other.goto(`${FRIDGE}?c=finish.gold-leaf~width.100`);
  await expect(other.getByText(/could not be kept/)).toContainText("finish");

  // The demo factory has a published plan: the date is a promise from it, with what it rests on.
  await expect(page.getByTestId("delivery-estimate")).toContainText("Arrives by", { timeout: 20_000 });
  await expect(page.getByTestId("delivery-estimate")).toContainText("What this date rests on");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line").filter({ hasText: "Custom refrigerator" })).toHaveCount(1);
});

test("an anonymous visitor can configure, and is asked to sign in to buy — keeping the configuration", async ({ page }) => {
  await page.goto(`${FRIDGE}?c=finish.sage-green`);
  await expect(page.getByLabel(/Sage green/)).toBeChecked();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signIn(page, "consumer2@tailorline.test", undefined, { goto: false });
  await expect(page).toHaveURL(/finish\.sage-green/);
  await expect(page.getByLabel(/Sage green/)).toBeChecked();
});
