import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support";

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("a consumer orders; suppliers see the requests appear live and confirm; the order moves on without a reload", async ({ browser }) => {
  const consumer = await signedInPage(browser, "consumer2@tailorline.test");
  const meridian = await signedInPage(browser, "supplier@tailorline.test");
  const polar = await signedInPage(browser, "supplier@polar.tailorline.test");
  for (const supplier of [meridian, polar]) {
    await supplier.goto("/supplier/requests");
    await expect(supplier.getByTestId("live-indicator")).toHaveText(/live/);
  }

  // Configure and buy.
  await consumer.goto("/catalogue/nordkyl/custom-refrigerator?c=finish.retro-red~handle.recessed");
  await consumer.getByRole("button", { name: "Add to cart" }).click();
  await expect(consumer.getByText("Added to your cart.")).toBeVisible();
  await consumer.goto("/cart");
  await consumer.getByLabel("Street address").fill("Storgatan 1");
  await consumer.getByLabel("Postal code").fill("111 22");
  await consumer.getByLabel("City").fill("Stockholm");
  await consumer.getByLabel("Country code").fill("SE");
  await consumer.getByRole("button", { name: "Place order" }).click();
  await expect(consumer).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(consumer.getByTestId("order-status")).toHaveText("placed");
  await expect(consumer.getByTestId("timeline-placed")).toHaveAttribute("data-state", "current");

  // Which supplier got what, from the consumer's own view of the order.
  const orderId = consumer.url().split("/").pop()!;
  const { order } = await (await consumer.request.get(`/api/orders/${orderId}`)).json();
  const bySupplier = new Map<string, number>();
  for (const request of order.partsRequests as Array<{ supplier: { slug: string } }>) bySupplier.set(request.supplier.slug, (bySupplier.get(request.supplier.slug) ?? 0) + 1);
  expect(bySupplier.get("meridian") ?? 0).toBeGreaterThan(0);

  // Each supplier sees its requests arrive without reloading, and confirms them all.
  for (const [slug, supplier] of [["meridian", meridian], ["polar", polar]] as const) {
    const count = bySupplier.get(slug) ?? 0;
    const rows = supplier.getByTestId("parts-request-row").filter({ hasText: order.number });
    await expect(rows).toHaveCount(count);
    if (count === 0) continue;
    for (const row of await rows.all()) await row.getByRole("checkbox").check();
    await supplier.getByLabel("Promised date for the selected requests").fill(new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10));
    await supplier.getByRole("button", { name: "Confirm all in full" }).click();
    await expect(supplier.getByText(`${count} confirmed.`)).toBeVisible();
    await expect(supplier.locator(`[data-testid=parts-request-row][data-status=confirmed]`).filter({ hasText: order.number })).toHaveCount(count);
  }

  // The consumer's page, never reloaded, shows the parts confirmed.
  await expect(consumer.getByTestId("order-status")).toHaveText("parts confirmed", { timeout: 15_000 });
  await expect(consumer.getByTestId("timeline-parts_confirmed")).toHaveAttribute("data-state", "current");
  await expect(consumer.getByTestId("timeline-placed")).toHaveAttribute("data-state", "done");
});

test("a supplier cannot answer another supplier's request, even by id", async ({ browser }) => {
  const lanificio = await signedInPage(browser, "supplier@lanificio.tailorline.test");
  const response = await lanificio.request.post("/api/parts-requests/00000000-0000-0000-0000-000000000000/responses", {
    data: { action: "reject", reason: "not mine" },
    headers: { origin: new URL(lanificio.url()).origin },
  });
  expect(response.status()).toBe(404);
});
