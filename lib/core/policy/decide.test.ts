import { describe, expect, it } from "vitest";
import { ACTIONS, type Action, type Resource } from "./actions";
import { anonymous, assignableRoles, roleFitsOrganization, type Actor } from "./actor";
import { canUseArea, decide, type Decision } from "./decide";
import { decideRoomJoin, parseRoomName, roomName } from "./rooms";

const M1 = "org-appliances";
const M2 = "org-textiles";
const S1 = "org-supplier-both";
const S2 = "org-supplier-other";

const actors = {
  anonymous,
  owner: { kind: "user", userId: "u-consumer", role: "consumer", organizationId: null, organizationKind: null },
  otherConsumer: { kind: "user", userId: "u-consumer-2", role: "consumer", organizationId: null, organizationKind: null },
  supplierS1: { kind: "user", userId: "u-s1", role: "supplier", organizationId: S1, organizationKind: "supplier" },
  supplierAdminS1: { kind: "user", userId: "u-s1a", role: "admin", organizationId: S1, organizationKind: "supplier" },
  supplierS2: { kind: "user", userId: "u-s2", role: "supplier", organizationId: S2, organizationKind: "supplier" },
  plannerM1: { kind: "user", userId: "u-p1", role: "planner", organizationId: M1, organizationKind: "manufacturer" },
  adminM1: { kind: "user", userId: "u-a1", role: "admin", organizationId: M1, organizationKind: "manufacturer" },
  plannerM2: { kind: "user", userId: "u-p2", role: "planner", organizationId: M2, organizationKind: "manufacturer" },
  adminM2: { kind: "user", userId: "u-a2", role: "admin", organizationId: M2, organizationKind: "manufacturer" },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;
const ACTOR_NAMES = Object.keys(actors) as ActorName[];

// The thing acted on: owned by manufacturer M1, addressed to supplier S1, placed by `owner`,
// belonging (for user management) to the acting admin's organization when that is M1.
const resource: Resource = { manufacturerId: M1, supplierId: S1, consumerId: "u-consumer", organizationId: M1 };

const A = "allow", U = "unauthenticated", F = "forbidden", H = "hidden";
// Columns follow ACTOR_NAMES: anonymous, owner, otherConsumer, supplierS1, supplierAdminS1,
// supplierS2, plannerM1, adminM1, plannerM2, adminM2. Written by hand from the permission design.
const expected: Record<Action, Decision[]> = {
  "catalogue.read":         [A, A, A, A, A, A, A, A, A, A],
  "product.manage":         [U, H, H, H, H, H, F, A, H, H],
  "cart.use":               [U, A, A, F, F, F, F, F, F, F],
  "order.place":            [U, A, A, F, F, F, F, F, F, F],
  "order.list-own":         [U, A, A, F, F, F, F, F, F, F],
  "order.read":             [U, A, H, H, H, H, A, A, H, H],
  "order.cancel":           [U, A, H, H, H, H, F, F, H, H],
  "parts-request.list":     [U, F, F, A, A, A, A, A, A, A],
  "parts-request.read":     [U, H, H, A, A, H, A, A, H, H],
  "parts-request.respond":  [U, H, H, A, A, H, F, F, H, H],
  "parts.manage":           [U, H, H, H, H, H, F, A, H, H],
  "suppliers.manage":       [U, H, H, H, H, H, F, A, H, H],
  "board.read":             [U, H, H, H, H, H, A, A, H, H],
  "job.move":               [U, H, H, H, H, H, A, A, H, H],
  "job.lock":               [U, H, H, H, H, H, A, A, H, H],
  "plan.run":               [U, H, H, H, H, H, A, A, H, H],
  "plan.publish":           [U, H, H, H, H, H, A, A, H, H],
  "line.read":              [U, H, H, H, H, H, A, A, H, H],
  "line.manage":            [U, H, H, H, H, H, F, A, H, H],
  "line-stop.manage":       [U, H, H, H, H, H, A, A, H, H],
  "line.command":           [U, H, H, H, H, H, A, A, H, H],
  "line-credential.manage": [U, H, H, H, H, H, F, A, H, H],
  "users.manage":           [U, H, H, H, H, H, F, A, H, H],
  "audit.read":             [U, H, H, H, H, H, F, A, H, H],
};

describe("policy: every action × every actor on a resource of manufacturer M1", () => {
  it("covers every action the policy defines", () => {
    expect(Object.keys(expected).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    describe(action, () => {
      ACTOR_NAMES.forEach((name, column) => {
        it(`${name} → ${expected[action][column]}`, () => {
          expect(decide(actors[name], action, resource)).toBe(expected[action][column]);
        });
      });
    });
  }
});

describe("policy: the mirror image — staff of M2 on M2's things, M1 shut out", () => {
  const m2Resource: Resource = { manufacturerId: M2, supplierId: S2, consumerId: "u-consumer-2", organizationId: M2 };
  it.each(["board.read", "plan.publish", "line.command", "job.move", "line-stop.manage"] as const)("%s", (action) => {
    expect(decide(actors.plannerM2, action, m2Resource)).toBe("allow");
    expect(decide(actors.plannerM1, action, m2Resource)).toBe("hidden");
    expect(decide(actors.adminM1, action, m2Resource)).toBe("hidden");
  });
  it("a supplier answers only requests addressed to its own organization", () => {
    expect(decide(actors.supplierS2, "parts-request.respond", m2Resource)).toBe("allow");
    expect(decide(actors.supplierS1, "parts-request.respond", m2Resource)).toBe("hidden");
  });
  it("a consumer reads only their own orders, whichever manufacturer", () => {
    expect(decide(actors.otherConsumer, "order.read", m2Resource)).toBe("allow");
    expect(decide(actors.owner, "order.read", m2Resource)).toBe("hidden");
  });
  it("an admin manages only the users of their own organization", () => {
    expect(decide(actors.adminM2, "users.manage", { organizationId: M2 })).toBe("allow");
    expect(decide(actors.adminM1, "users.manage", { organizationId: M2 })).toBe("hidden");
    expect(decide(actors.supplierAdminS1, "users.manage", { organizationId: S1 })).toBe("allow");
    expect(decide(actors.supplierS1, "users.manage", { organizationId: S1 })).toBe("forbidden");
  });
  it("a resource with no manufacturer is nobody's to manage", () => {
    expect(decide(actors.adminM1, "product.manage", {})).toBe("hidden");
  });
});

describe("policy: areas (navigation and page guards)", () => {
  const areas = ["catalogue", "orders", "supplier", "board", "admin"] as const;
  // anonymous, owner, otherConsumer, supplierS1, supplierAdminS1, supplierS2, plannerM1, adminM1, plannerM2, adminM2
  const table: Record<(typeof areas)[number], boolean[]> = {
    catalogue: [true, true, true, true, true, true, true, true, true, true],
    orders: [false, true, true, false, false, false, false, false, false, false],
    supplier: [false, false, false, true, true, true, false, false, false, false],
    board: [false, false, false, false, false, false, true, true, true, true],
    admin: [false, false, false, false, true, false, false, true, false, true],
  };
  for (const area of areas) {
    it(area, () => {
      expect(ACTOR_NAMES.map((name) => canUseArea(actors[name], area))).toEqual(table[area]);
    });
  }
});

describe("policy: rooms", () => {
  const orderFacts = { consumerId: "u-consumer", manufacturerId: M1 };
  it("round-trips room names and rejects malformed ones", () => {
    expect(parseRoomName(roomName({ kind: "order", id: "o1" }))).toEqual({ kind: "order", id: "o1" });
    expect(parseRoomName("order:")).toBeNull();
    expect(parseRoomName("orders:o1")).toBeNull();
    expect(parseRoomName("nonsense")).toBeNull();
  });
  it("an order room admits its owner and its manufacturer's staff only", () => {
    const room = { kind: "order", id: "o1" } as const;
    expect(decideRoomJoin(actors.owner, room, orderFacts)).toBe("allow");
    expect(decideRoomJoin(actors.plannerM1, room, orderFacts)).toBe("allow");
    expect(decideRoomJoin(actors.otherConsumer, room, orderFacts)).toBe("hidden");
    expect(decideRoomJoin(actors.plannerM2, room, orderFacts)).toBe("hidden");
    expect(decideRoomJoin(actors.supplierS1, room, orderFacts)).toBe("hidden");
    expect(decideRoomJoin(anonymous, room, orderFacts)).toBe("unauthenticated");
  });
  it("a manufacturer room admits that manufacturer's planners and admins", () => {
    const room = { kind: "manufacturer", id: M1 } as const;
    expect(decideRoomJoin(actors.plannerM1, room, {})).toBe("allow");
    expect(decideRoomJoin(actors.adminM1, room, {})).toBe("allow");
    expect(decideRoomJoin(actors.plannerM2, room, {})).toBe("hidden");
    expect(decideRoomJoin(actors.owner, room, {})).toBe("hidden");
  });
  it("a supplier room admits that supplier's users only", () => {
    const room = { kind: "supplier", id: S1 } as const;
    expect(decideRoomJoin(actors.supplierS1, room, {})).toBe("allow");
    expect(decideRoomJoin(actors.supplierAdminS1, room, {})).toBe("allow");
    expect(decideRoomJoin(actors.supplierS2, room, {})).toBe("hidden");
    expect(decideRoomJoin(actors.adminM1, room, {})).toBe("hidden");
  });
  it("a line room follows line.read; a user room admits only that user", () => {
    expect(decideRoomJoin(actors.plannerM1, { kind: "line", id: "l1" }, { manufacturerId: M1 })).toBe("allow");
    expect(decideRoomJoin(actors.plannerM2, { kind: "line", id: "l1" }, { manufacturerId: M1 })).toBe("hidden");
    expect(decideRoomJoin(actors.owner, { kind: "user", id: "u-consumer" }, {})).toBe("allow");
    expect(decideRoomJoin(actors.otherConsumer, { kind: "user", id: "u-consumer" }, {})).toBe("hidden");
  });
});

describe("policy: roles and organizations", () => {
  it("each role fits only its kind of organization", () => {
    expect(roleFitsOrganization("consumer", null)).toBe(true);
    expect(roleFitsOrganization("consumer", "manufacturer")).toBe(false);
    expect(roleFitsOrganization("supplier", "supplier")).toBe(true);
    expect(roleFitsOrganization("supplier", "manufacturer")).toBe(false);
    expect(roleFitsOrganization("planner", "manufacturer")).toBe(true);
    expect(roleFitsOrganization("planner", "supplier")).toBe(false);
    expect(roleFitsOrganization("admin", "supplier")).toBe(true);
    expect(roleFitsOrganization("admin", null)).toBe(false);
  });
  it("admins hand out only the roles of their kind of organization", () => {
    expect(assignableRoles("manufacturer")).toEqual(["planner", "admin"]);
    expect(assignableRoles("supplier")).toEqual(["supplier", "admin"]);
  });
});
