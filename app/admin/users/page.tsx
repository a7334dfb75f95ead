import type { Metadata } from "next";
import { assignableRoles } from "@/lib/core/policy";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listOrganizationUsers } from "@/lib/server/users/list-organization-users";
import { UserManagement } from "@/components/admin/user-management";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const actor = await requireArea("admin", "/admin/users");
  const organizationId = actor.organizationId!;
  const users = await listOrganizationUsers(actor, organizationId);
  return (
    <>
      <PageHeader title="Users" description="People of your organization, their roles, and who can still sign in." />
      <UserManagement
        organizationId={organizationId}
        currentUserId={actor.userId}
        roles={assignableRoles(actor.organizationKind!)}
        initialUsers={users.map((user) => ({ ...user, lastSignInAt: user.lastSignInAt?.toISOString() ?? null, createdAt: user.createdAt.toISOString() }))}
      />
    </>
  );
}
