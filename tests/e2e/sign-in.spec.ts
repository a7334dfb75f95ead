import { expect, test } from "@playwright/test";
import { expectSignedInAs, signIn, submitSignIn } from "./support";

const ROLES = [
  { email: "consumer@tailorline.test", name: "Clara Consumer", home: "/catalogue", heading: "Catalogue" },
  { email: "supplier@tailorline.test", name: "Sam Supplier", home: "/supplier/requests", heading: "Parts requests" },
  { email: "planner@tailorline.test", name: "Pia Planner", home: "/board", heading: "Planning board" },
  { email: "admin@tailorline.test", name: "Ada Admin", home: "/admin", heading: "Administration" },
];

for (const role of ROLES) {
  test(`${role.email} signs in and lands on ${role.home}`, async ({ page }) => {
    await signIn(page, role.email);
    await expect(page).toHaveURL(role.home);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(role.heading);
    await expectSignedInAs(page, role.name);
  });
}

test("a wrong password shows a clear error and signs nobody in", async ({ page }) => {
  await submitSignIn(page, "planner@tailorline.test", "not-the-password");
  // (Next.js keeps an empty route announcer with role=alert on every page, hence the filter.)
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
});

test("a malformed email is named before anything is sent", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("whatever");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
});

test("a new consumer signs up and lands on the catalogue", async ({ page }) => {
  const email = `new-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Nina Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/catalogue");
  await expectSignedInAs(page, "Nina Newcomer");
});

test("a protected page sends you to sign in and back to it after", async ({ page }) => {
  await page.goto("/board");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fboard/);
  await signIn(page, "planner@tailorline.test", undefined, { goto: false });
  await expect(page).toHaveURL("/board");
});

test("a page of another role is refused with the reason", async ({ page }) => {
  await signIn(page, "consumer@tailorline.test");
  await page.goto("/board");
  await expect(page).toHaveURL(/denied=board/);
  await expect(page.getByRole("alert").filter({ hasText: "Your account cannot open the planning board" })).toBeVisible();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "admin@tailorline.test");
  await expect(page).toHaveURL("/admin");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/signed-out=1/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin/);
});
