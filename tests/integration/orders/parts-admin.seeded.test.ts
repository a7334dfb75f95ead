import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { exportPartsCsv, importPartsCsv, importSupplierOffersCsv } from "@/lib/server/parts/parts-csv";
import { saveParts } from "@/lib/server/parts/save-parts";
import { createSupplierOrganization, listSuppliersForManufacturer, setSupplierLink } from "@/lib/server/supplier-admin/manage-suppliers";
import { actorOf } from "../../support/actors";
import { createUser, uniqueSuffix } from "../../support/factories";
import { organizationBySlug } from "../../support/order-fixtures";

async function nordkylAdmin() {
  return actorOf(await createUser("admin", (await organizationBySlug("nordkyl")).id));
}

describe("parts and suppliers administration", () => {
  it("imports a parts CSV and exports it back", async () => {
    const admin = await nordkylAdmin();
    const number = `TST-${uniqueSuffix().toUpperCase()}`;
    const result = await importPartsCsv(admin, `part_number,name,unit,on_hand\n${number},"Test bracket, left",pcs,7\n`, "10.0.0.9");
    expect(result).toEqual({ saved: 1 });
    expect(await db.part.findFirstOrThrow({ where: { partNumber: number } })).toMatchObject({ name: "Test bracket, left", onHand: 7 });
    expect(await exportPartsCsv(admin)).toContain(`${number},"Test bracket, left",pcs,7`);
    expect(await db.auditLog.count({ where: { action: "parts.save", address: "10.0.0.9" } })).toBe(1);
  });

  it("imports nothing from a file with any bad row, and names each one", async () => {
    const admin = await nordkylAdmin();
    const good = `GOOD-${uniqueSuffix().toUpperCase()}`;
    const csv = ["part_number,name,unit,on_hand", `${good},Fine,pcs,1`, "bad number!,Broken,pcs,1", `${good},Again,pcs,2`].join("\n");
    await expect(importPartsCsv(admin, csv, null)).rejects.toMatchObject({
      status: 422,
      code: "IMPORT_FAILED",
      details: { rows: [{ row: 3, field: "partNumber", message: expect.any(String) }] },
    });
    const duplicate = ["part_number,name,unit,on_hand", `${good},Fine,pcs,1`, `${good},Again,pcs,2`].join("\n");
    await expect(importPartsCsv(admin, duplicate, null)).rejects.toMatchObject({ details: { rows: [{ row: 3, field: "partNumber" }] } });
    expect(await db.part.count({ where: { partNumber: good } })).toBe(0);
  });

  it("refuses offers from a supplier that does not serve the factory, and for unknown parts — all or nothing", async () => {
    const admin = await nordkylAdmin();
    const part = await db.part.findFirstOrThrow({ where: { manufacturer: { slug: "nordkyl" } } });
    const before = await db.supplierPart.count();
    const csv = [
      "part_number,supplier,unit_price,currency,lead_time_days,min_order_qty,supplier_sku",
      `${part.partNumber},polar,999,EUR,4,1,`,
      `${part.partNumber},lanificio,100,EUR,2,1,`,
      "NO-SUCH-PART,polar,100,EUR,2,1,",
    ].join("\n");
    await expect(importSupplierOffersCsv(admin, csv, null)).rejects.toMatchObject({
      status: 422,
      details: { rows: [{ row: 3, field: "supplier" }, { row: 4, field: "partNumber" }] },
    });
    expect(await db.supplierPart.count()).toBe(before);
  });

  it("never lets on-hand stock fall below what orders have reserved", async () => {
    const admin = await nordkylAdmin();
    const part = await db.part.findFirstOrThrow({ where: { manufacturer: { slug: "nordkyl" } } });
    await db.part.update({ where: { id: part.id }, data: { onHand: 10, reserved: 4 } });
    await expect(saveParts(admin, [{ partNumber: part.partNumber, name: part.name, unit: part.unit as "pcs", onHand: 3 }], null)).rejects.toMatchObject({ status: 422 });
    await saveParts(admin, [{ partNumber: part.partNumber, name: part.name, unit: part.unit as "pcs", onHand: 4 }], null);
  });

  it("links suppliers and registers new ones; a planner or another factory's admin cannot", async () => {
    const admin = await nordkylAdmin();
    const lanificio = await organizationBySlug("lanificio");
    await setSupplierLink(admin, lanificio.id, true, null);
    expect((await listSuppliersForManufacturer(admin)).find((s) => s.id === lanificio.id)?.servesUs).toBe(true);
    await setSupplierLink(admin, lanificio.id, false, null);
    expect((await listSuppliersForManufacturer(admin)).find((s) => s.id === lanificio.id)?.servesUs).toBe(false);

    const slug = `new-${uniqueSuffix()}`;
    const created = await createSupplierOrganization(admin, { name: "New Supplier AB", slug, adminName: "Nils New", adminEmail: `${slug}@example.test`, adminPassword: "a-long-passphrase" }, null);
    expect((await listSuppliersForManufacturer(admin)).find((s) => s.id === created.id)?.servesUs).toBe(true);

    const planner = await actorOf(await createUser("planner", (await organizationBySlug("nordkyl")).id));
    await expect(listSuppliersForManufacturer(planner)).rejects.toMatchObject({ status: 403 });
    const otherAdmin = await actorOf(await createUser("admin", (await organizationBySlug("sartoria")).id));
    await setSupplierLink(otherAdmin, created.id, false, null); // its own factory: nothing to unlink, and Nordkyl's link stays
    expect((await listSuppliersForManufacturer(admin)).find((s) => s.id === created.id)?.servesUs).toBe(true);
  });
});
