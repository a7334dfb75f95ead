import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "tailorline";

/** Fills the sign-in form of the current page (going to /sign-in first unless told not to). */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD, options: { goto?: boolean } = {}) {
  if (options.goto ?? true) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits until the app has left the sign-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, options: { goto?: boolean } = {}) {
  await submitSignIn(page, email, password, options);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export async function expectSignedInAs(page: Page, name: string) {
  await expect(page.getByTestId("signed-in-user")).toHaveText(name);
}
