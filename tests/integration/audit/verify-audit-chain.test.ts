import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { authenticateUser } from "@/lib/server/auth/authenticate-user";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { db, disconnectDatabase } from "@/lib/server/db";
import { createUser, uniqueSuffix } from "../../support/factories";

const run = promisify(execFile);

/** `npm run audit:verify` as an operator runs it, on this file's database. */
async function auditVerifyCommand(): Promise<{ code: number; output: string }> {
  // PGlite: one process per data folder; the command opens it while this process has it closed.
  await disconnectDatabase();
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { env: { ...process.env }, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

/** Entries from real use cases: sign-ins that succeed and fail, each with an address. */
async function someAuditedSignIns(count: number): Promise<bigint[]> {
  const user = await createUser("consumer", null);
  for (let index = 0; index < count; index++) {
    const password = index % 2 === 0 ? "tailorline" : `wrong-${uniqueSuffix()}`;
    await authenticateUser({ email: user.email, password }, `10.1.0.${index + 1}`);
  }
  const rows = await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  return rows.map((row) => row.id);
}

describe("the audit chain check", () => {
  it("finds an untouched log intact, page by page, and the command says so", async () => {
    const ids = await someAuditedSignIns(5);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(await verifyAuditChain({ pageSize: 2 })).toEqual({ ok: true, entries: ids.length, lastId: String(ids.at(-1)) });
    const command = await auditVerifyCommand();
    expect(command.code, command.output).toBe(0);
    expect(command.output).toContain(`Audit chain intact: ${ids.length} entries checked`);
  });

  it("names an edited entry as the first broken link, across a page boundary, and the command exits 1", async () => {
    const ids = await someAuditedSignIns(4);
    const victim = ids.at(-2)!;
    const before = ids.indexOf(victim);
    const original = await db.auditLog.findUniqueOrThrow({ where: { id: victim }, select: { address: true } });
    // What an intruder covering tracks does: change where a sign-in came from.
    await db.$executeRaw`UPDATE "AuditLog" SET address = '203.0.113.66' WHERE id = ${victim}`;
    expect(await verifyAuditChain({ pageSize: 2 })).toMatchObject({ ok: false, brokenId: String(victim), reason: "its content does not match its hash", entries: before });
    const command = await auditVerifyCommand();
    expect(command.code, command.output).toBe(1);
    expect(command.output).toContain(`Audit chain BROKEN at entry ${victim}`);
    expect(command.output).toContain("its content does not match its hash");
    // Put back, the chain holds again: the check reacts to exactly that change.
    await db.$executeRaw`UPDATE "AuditLog" SET address = ${original.address} WHERE id = ${victim}`;
    expect(await verifyAuditChain({ pageSize: 2 })).toMatchObject({ ok: true });
  });

  it("names the entry after a deleted one, though nothing was rehashed", async () => {
    const ids = await someAuditedSignIns(3);
    const removed = await db.auditLog.findUniqueOrThrow({ where: { id: ids.at(-2)! } });
    await db.auditLog.delete({ where: { id: removed.id } });
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenId: String(ids.at(-1)), reason: "its previous-hash does not match the entry before it" });
    await db.auditLog.create({ data: { ...removed, details: removed.details ?? undefined } });
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
