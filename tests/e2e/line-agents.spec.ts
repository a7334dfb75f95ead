import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const PORT = Number(process.env.E2E_PORT ?? 3100);

let agent: ChildProcess | null = null;
const workDir = mkdtempSync(path.join(tmpdir(), "tailorline-e2e-agent-"));

test.afterAll(() => {
  if (agent && agent.exitCode === null) agent.kill("SIGKILL");
  rmSync(workDir, { recursive: true, force: true });
});

test("an admin issues a line credential, the agent connects and the planner's board shows the line live", async ({ browser }) => {
  // The admin issues a credential; its token is shown once.
  const admin = await browser.newPage();
  await signIn(admin, "admin@tailorline.test");
  await admin.goto("/admin/lines");
  await admin.getByRole("link", { name: "NK-W2" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Credentials of NK-W2");
  const lineId = new URL(admin.url()).pathname.split("/").at(-1)!;
  await admin.getByLabel("Label").fill("e2e gateway");
  await admin.getByRole("button", { name: "Issue credential" }).click();
  const token = (await admin.getByTestId("token-value").textContent())!.trim();
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // The planner watches the board.
  const planner = await browser.newPage();
  await signIn(planner, "planner@tailorline.test");
  await planner.goto("/board");
  const card = planner.locator('[data-testid="board-line"][data-line-code="NK-W2"]');
  await expect(card.getByTestId("line-status")).toContainText("offline");

  // The real agent connects with the token (from a file, as in production).
  const tokenFile = path.join(workDir, "token");
  writeFileSync(tokenFile, token, { mode: 0o600 });
  agent = spawn(process.execPath, ["--import", "tsx", "scripts/line-agent.ts", "--url", `http://localhost:${PORT}`, "--line", lineId, "--token-file", tokenFile, "--state-dir", path.join(workDir, "state"), "--tick-ms", "200"], {
    stdio: "ignore",
  });
  // Live: no reload.
  await expect(card.getByTestId("line-status")).toContainText("online", { timeout: 30_000 });
  await expect(card.getByTestId("line-status")).toContainText("idle");

  // The line page shows the agent and its events.
  const linePage = await browser.newPage();
  await signIn(linePage, "planner@tailorline.test");
  await linePage.goto(`/lines/${lineId}`);
  await expect(linePage.getByTestId("line-events")).toContainText("status idle");
  await expect(linePage.getByTestId("oee-chart")).toBeVisible();

  // Revoking the credential cuts the agent off; the board shows the line offline and says so.
  await admin.reload();
  const row = admin.getByTestId("credential-row").filter({ hasText: "e2e gateway" });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  await expect(card.getByTestId("line-status")).toContainText("offline", { timeout: 15_000 });
  await expect(planner.getByTestId("line-offline-notice")).toContainText("NK-W2");

  // The audit log names the agent's sign-in and the revocation.
  await admin.goto("/admin/audit");
  await expect(admin.getByTestId("audit-row").filter({ hasText: "line-credential.revoke" }).first()).toBeVisible();
  await expect(admin.getByTestId("audit-row").filter({ hasText: "agent.auth" }).first()).toBeVisible();
});
