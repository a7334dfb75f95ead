import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db";
import { listAuditLog } from "@/lib/server/lines/list-audit-log";
import { actorOf } from "../../support/actors";
import { createOrganization, createUser } from "../../support/factories";

describe("the audit log an admin sees (/admin/audit)", () => {
  it("holds only the admin's organization, newest first, filtered by the kind of action; planners may not read it", async () => {
    const [factoryA, factoryB] = await Promise.all([createOrganization("manufacturer"), createOrganization("manufacturer")]);
    const adminA = await actorOf(await createUser("admin", factoryA.id));
    const adminB = await actorOf(await createUser("admin", factoryB.id));
    const plannerA = await actorOf(await createUser("planner", factoryA.id));
    const write = (actor: typeof adminA, action: string, targetId: string) =>
      db.$transaction((tx) => recordAudit(tx, { actor, action, targetType: "line", targetId, address: "10.9.0.1" }));
    await write(adminA, "line.create", "a-1");
    await write(adminB, "line.create", "b-1");
    await write(adminA, "user.deactivate", "a-2");
    await write(adminA, "line.update", "a-3");

    const all = await listAuditLog(adminA);
    expect(all.map((entry) => entry.targetId)).toEqual(["a-3", "a-2", "a-1"]);
    expect(all[0]).toMatchObject({ actorType: "user", actorId: adminA.kind === "user" ? adminA.userId : null, action: "line.update", targetType: "line", address: "10.9.0.1" });
    expect((await listAuditLog(adminA, { action: "line." })).map((entry) => entry.targetId)).toEqual(["a-3", "a-1"]);
    expect((await listAuditLog(adminA, { action: "line.", before: BigInt(all[0]!.id) })).map((entry) => entry.targetId)).toEqual(["a-1"]);
    expect((await listAuditLog(adminB)).map((entry) => entry.targetId)).toEqual(["b-1"]);
    await expect(listAuditLog(plannerA)).rejects.toMatchObject({ status: 403 });
  });
});
