import type { Action, Resource } from "./actions";
import type { Actor, UserActor } from "./actor";

/**
 * The answer to "may this actor do this to this thing":
 * - allow;
 * - unauthenticated (401 / sign-in redirect);
 * - forbidden (403: the actor may know the thing exists but may not do this);
 * - hidden (404: the thing belongs to someone else, and saying so would leak that it exists).
 */
export type Decision = "allow" | "unauthenticated" | "forbidden" | "hidden";

type Rule = (actor: UserActor, resource: Resource) => Decision;

const isStaffOf = (actor: UserActor, manufacturerId: string | undefined) =>
  actor.organizationKind === "manufacturer" && manufacturerId !== undefined && actor.organizationId === manufacturerId;

/** Staff of the owning manufacturer with one of `roles`; other organizations do not see it. */
function manufacturerStaff(...roles: Array<UserActor["role"]>): Rule {
  return (actor, resource) => {
    if (!isStaffOf(actor, resource.manufacturerId)) return "hidden";
    return roles.includes(actor.role) ? "allow" : "forbidden";
  };
}

/** Staff of any manufacturer acting on their own organization (a page, a list scoped by them). */
function ownManufacturer(...roles: Array<UserActor["role"]>): Rule {
  return (actor) => (actor.organizationKind === "manufacturer" && roles.includes(actor.role) ? "allow" : "forbidden");
}

const RULES: Record<Action, Rule | "public"> = {
  "catalogue.read": "public",
  "product.manage": manufacturerStaff("admin"),
  "cart.use": (actor) => (actor.role === "consumer" ? "allow" : "forbidden"),
  "order.place": (actor) => (actor.role === "consumer" ? "allow" : "forbidden"),
  "order.list-own": (actor) => (actor.role === "consumer" ? "allow" : "forbidden"),
  "order.read": (actor, resource) => {
    if (actor.role === "consumer") return resource.consumerId === actor.userId ? "allow" : "hidden";
    return manufacturerStaff("planner", "admin")(actor, resource);
  },
  "order.cancel": (actor, resource) => {
    if (actor.role !== "consumer") return isStaffOf(actor, resource.manufacturerId) ? "forbidden" : "hidden";
    return resource.consumerId === actor.userId ? "allow" : "hidden";
  },
  "parts-request.list": (actor) =>
    actor.organizationKind === "supplier" || (actor.organizationKind === "manufacturer" && (actor.role === "planner" || actor.role === "admin"))
      ? "allow"
      : "forbidden",
  "parts-request.read": (actor, resource) => {
    if (actor.organizationKind === "supplier") {
      return actor.organizationId === resource.supplierId ? "allow" : "hidden";
    }
    return manufacturerStaff("planner", "admin")(actor, resource);
  },
  "parts-request.respond": (actor, resource) => {
    if (actor.organizationKind === "supplier" && actor.organizationId === resource.supplierId) {
      return actor.role === "supplier" || actor.role === "admin" ? "allow" : "forbidden";
    }
    // The manufacturer's staff may see the request but answering it is the supplier's job.
    return isStaffOf(actor, resource.manufacturerId) ? "forbidden" : "hidden";
  },
  "parts.manage": manufacturerStaff("admin"),
  "suppliers.manage": manufacturerStaff("admin"),
  "board.read": manufacturerStaff("planner", "admin"),
  "job.move": manufacturerStaff("planner", "admin"),
  "job.lock": manufacturerStaff("planner", "admin"),
  "plan.run": manufacturerStaff("planner", "admin"),
  "plan.publish": manufacturerStaff("planner", "admin"),
  "line.read": manufacturerStaff("planner", "admin"),
  "line.manage": manufacturerStaff("admin"),
  // Holidays and maintenance windows of a line take time away, as marking a line down does:
  // planners may enter them too. Extra shifts and everything else in a line's settings stay
  // with line.manage (lib/core/lines/calendar-exceptions.ts).
  "line-stop.manage": manufacturerStaff("planner", "admin"),
  "line.command": manufacturerStaff("planner", "admin"),
  "line-credential.manage": manufacturerStaff("admin"),
  "users.manage": (actor, resource) => {
    if (actor.organizationId === null || actor.organizationId !== resource.organizationId) return "hidden";
    return actor.role === "admin" ? "allow" : "forbidden";
  },
  "audit.read": (actor, resource) => {
    if (actor.organizationId === null || actor.organizationId !== resource.organizationId) return "hidden";
    return actor.role === "admin" ? "allow" : "forbidden";
  },
};

export function decide(actor: Actor, action: Action, resource: Resource = {}): Decision {
  const rule = RULES[action];
  if (rule === "public") return "allow";
  if (actor.kind === "anonymous") return "unauthenticated";
  return rule(actor, resource);
}

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  return decide(actor, action, resource) === "allow";
}

/** For pages and navigation: may this actor use the area at all (within its own organization)? */
export function canUseArea(actor: Actor, area: "catalogue" | "orders" | "supplier" | "board" | "admin"): boolean {
  if (actor.kind === "anonymous") return area === "catalogue";
  switch (area) {
    case "catalogue":
      return true;
    case "orders":
      return actor.role === "consumer";
    case "supplier":
      return actor.organizationKind === "supplier";
    case "board":
      return ownManufacturer("planner", "admin")(actor, {}) === "allow";
    case "admin":
      return actor.role === "admin";
  }
}
