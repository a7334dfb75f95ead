import { uniqueSuffix } from "../../support/factories";
import { A_THING_FOR_ADMIN, OWN_FACTORY_ADMIN, PRODUCT_OF_A } from "./expectations";
import type { CallContext, MatrixEntry } from "./matrix-types";

/** The actor's own manufacturer's things, for routes every manufacturer admin may use on their own. */
export function ownFactory({ world, actor }: CallContext) {
  const b = actor === "adminB" || actor === "plannerB";
  return b
    ? { manufacturerId: world.manufacturerB.id, part: world.partB, supplierOrg: world.supplierOrgB }
    : { manufacturerId: world.manufacturerA.id, part: world.partA, supplierOrg: world.supplierOrgA };
}

const newPart = () => ({ partNumber: `SEC-${uniqueSuffix()}`.toUpperCase(), name: "Matrix part", unit: "pcs", onHand: 5 });
const strongPassword = "matrix-passphrase-2026";

/** Administration: parts and offers, products, suppliers, users of an organization. */
export const ADMIN_ROUTES: Record<string, MatrixEntry> = {
  "/api/admin/parts GET": { expect: OWN_FACTORY_ADMIN, ok: [200], call: () => ({}) },
  "/api/admin/parts POST": { expect: OWN_FACTORY_ADMIN, ok: [200], call: () => ({ body: newPart() }), audit: "parts.save" },
  "/api/admin/parts/import POST": {
    expect: OWN_FACTORY_ADMIN,
    ok: [200],
    call: () => {
      const part = newPart();
      return { text: `part_number,name,unit,on_hand\n${part.partNumber},${part.name},pcs,3\n` };
    },
    audit: "parts.save",
  },
  "/api/admin/parts/export.csv GET": { expect: OWN_FACTORY_ADMIN, ok: [200], call: () => ({}) },
  "/api/admin/supplier-offers POST": {
    expect: OWN_FACTORY_ADMIN,
    ok: [200],
    call: (context) => {
      const own = ownFactory(context);
      return { body: { partNumber: own.part.partNumber, supplier: own.supplierOrg.slug, unitPrice: 250, currency: "EUR", leadTimeDays: 4, minOrderQty: 1 } };
    },
    audit: "supplier-offers.save",
  },
  "/api/admin/supplier-offers/import POST": {
    expect: OWN_FACTORY_ADMIN,
    ok: [200],
    call: (context) => {
      const own = ownFactory(context);
      return { text: `part_number,supplier,unit_price,currency,lead_time_days,min_order_qty\n${own.part.partNumber},${own.supplierOrg.slug},300,EUR,5,1\n` };
    },
    audit: "supplier-offers.save",
  },
  "/api/admin/supplier-offers/export.csv GET": { expect: OWN_FACTORY_ADMIN, ok: [200], call: () => ({}) },

  "/api/admin/products GET": { expect: OWN_FACTORY_ADMIN, ok: [200], call: () => ({}) },
  "/api/admin/products POST": {
    expect: OWN_FACTORY_ADMIN,
    ok: [201],
    call: () => ({ body: { name: "Matrix product", slug: `matrix-${uniqueSuffix()}`, source: { kind: "blank" } } }),
    audit: "product.create",
  },
  "/api/admin/products/[productId] GET": {
    expect: PRODUCT_OF_A,
    ok: [200],
    call: ({ world }) => ({ params: { productId: world.productA.id } }),
    missing: ({ fresh }) => ({ params: { productId: fresh.missingId() } }),
  },
  "/api/admin/products/[productId]/draft PUT": {
    expect: PRODUCT_OF_A,
    ok: [200],
    call: async ({ fresh }) => {
      const draft = await fresh.productDraft();
      return { params: { productId: draft.id }, body: { revision: draft.revision, definition: draft.definition } };
    },
    missing: ({ fresh }) => ({ params: { productId: fresh.missingId() }, body: { revision: 1, definition: {} } }),
    audit: "product.draft.save",
  },
  "/api/admin/products/[productId]/publish POST": {
    expect: PRODUCT_OF_A,
    ok: [201],
    call: async ({ fresh }) => {
      const product = await fresh.product();
      return { params: { productId: product.id }, body: { revision: product.revision } };
    },
    missing: ({ fresh }) => ({ params: { productId: fresh.missingId() }, body: { revision: 1 } }),
    audit: "product.publish",
  },
  "/api/admin/products/[productId]/archived PUT": {
    expect: PRODUCT_OF_A,
    ok: [200],
    call: async ({ fresh }) => ({ params: { productId: (await fresh.product()).id }, body: { archived: true } }),
    missing: ({ fresh }) => ({ params: { productId: fresh.missingId() }, body: { archived: true } }),
    audit: "product.archive",
  },

  "/api/admin/suppliers GET": { expect: OWN_FACTORY_ADMIN, ok: [200], call: () => ({}) },
  "/api/admin/suppliers POST": {
    expect: OWN_FACTORY_ADMIN,
    ok: [201],
    call: () => {
      const suffix = uniqueSuffix();
      return { body: { name: `Matrix Supplier ${suffix}`, slug: `matrix-supplier-${suffix}`, adminName: "Sam Supplier", adminEmail: `sam-${suffix}@example.test`, adminPassword: strongPassword } };
    },
    audit: "supplier.create",
  },
  // Any manufacturer's admin may start being served by any supplier on the platform (the
  // supplier sees only that manufacturer's requests); a missing supplier is a 404 for all.
  "/api/admin/suppliers/[supplierId] PATCH": {
    expect: OWN_FACTORY_ADMIN,
    ok: [200],
    call: async ({ fresh }) => ({ params: { supplierId: (await fresh.supplierOrganization()).id }, body: { linked: true } }),
    missing: ({ fresh }) => ({ params: { supplierId: fresh.missingId() }, body: { linked: true } }),
    insiders: ["adminA", "plannerA", "adminB", "plannerB"],
    audit: "supplier.link",
  },

  "/api/organizations/[organizationId]/users GET": {
    expect: A_THING_FOR_ADMIN,
    ok: [200],
    call: ({ world }) => ({ params: { organizationId: world.manufacturerA.id } }),
    missing: ({ fresh }) => ({ params: { organizationId: fresh.missingId() } }),
  },
  "/api/organizations/[organizationId]/users POST": {
    expect: A_THING_FOR_ADMIN,
    ok: [201],
    call: ({ world }) => ({
      params: { organizationId: world.manufacturerA.id },
      body: { name: "Matrix Planner", email: `matrix-planner-${uniqueSuffix()}@example.test`, role: "planner", password: strongPassword },
    }),
    missing: ({ fresh }) => ({
      params: { organizationId: fresh.missingId() },
      body: { name: "Matrix Planner", email: `matrix-planner-${uniqueSuffix()}@example.test`, role: "planner", password: strongPassword },
    }),
    audit: "user.create",
  },
  "/api/organizations/[organizationId]/users/[userId] PATCH": {
    expect: A_THING_FOR_ADMIN,
    ok: [200],
    call: async ({ world, fresh }) => ({ params: { organizationId: world.manufacturerA.id, userId: (await fresh.planner()).id }, body: { active: false } }),
    missing: ({ fresh }) => ({ params: { organizationId: fresh.missingId(), userId: fresh.missingId() }, body: { active: false } }),
    audit: "user.deactivate",
  },
};
