import { z } from "zod";

export const RoleSchema = z.enum(["consumer", "supplier", "planner", "admin"]);
export type Role = z.infer<typeof RoleSchema>;

export const OrganizationKindSchema = z.enum(["manufacturer", "supplier"]);
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;

/** Who is acting. Consumers have no organization and see only their own orders. */
export type UserActor = {
  kind: "user";
  userId: string;
  role: Role;
  organizationId: string | null;
  organizationKind: OrganizationKind | null;
};

export type AnonymousActor = { kind: "anonymous" };

export type Actor = UserActor | AnonymousActor;

export const anonymous: AnonymousActor = { kind: "anonymous" };

/** Which roles belong in which kind of organization: a planner of a supplier makes no sense. */
export function roleFitsOrganization(role: Role, organizationKind: OrganizationKind | null): boolean {
  switch (role) {
    case "consumer":
      return organizationKind === null;
    case "supplier":
      return organizationKind === "supplier";
    case "planner":
      return organizationKind === "manufacturer";
    case "admin":
      return organizationKind !== null;
  }
}

/** Roles an organization's admin may hand out to its own users. */
export function assignableRoles(organizationKind: OrganizationKind): Role[] {
  return organizationKind === "manufacturer" ? ["planner", "admin"] : ["supplier", "admin"];
}
