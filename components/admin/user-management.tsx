"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { CreateStaffUserSchema, type CreateStaffUser } from "@/lib/core/accounts/account-schemas";
import type { Role } from "@/lib/core/policy";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { apiFetch } from "@/components/api-fetch";

type StaffUser = { id: string; name: string; email: string; role: Role; active: boolean; lastSignInAt: string | null; createdAt: string };

export function UserManagement(props: { organizationId: string; currentUserId: string; roles: Role[]; initialUsers: StaffUser[] }) {
  const queryClient = useQueryClient();
  const usersKey = ["organization-users", props.organizationId];
  const usersUrl = `/api/organizations/${props.organizationId}/users`;
  const users = useQuery({
    queryKey: usersKey,
    queryFn: () => apiFetch<{ users: StaffUser[] }>(usersUrl).then((body) => body.users),
    initialData: props.initialUsers,
  });
  const [actionError, setActionError] = useState<string>();

  const update = useMutation({
    mutationFn: ({ userId, change }: { userId: string; change: { role: Role } | { active: boolean } }) =>
      apiFetch(`${usersUrl}/${userId}`, { method: "PATCH", body: JSON.stringify(change) }),
    onMutate: () => setActionError(undefined),
    onError: (error) => setActionError(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <Card className="overflow-x-auto">
        {actionError ? (
          <div className="p-3">
            <Alert tone="error">{actionError}</Alert>
          </div>
        ) : null}
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Name</th>
              <th className="px-4 py-2">Role</th>
              <th className="px-4 py-2">Status</th>
              <th className="px-4 py-2">Last sign-in</th>
              <th className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => {
              const self = user.id === props.currentUserId;
              return (
                <tr key={user.id} className="border-b border-slate-100" data-testid={`user-row-${user.email}`}>
                  <td className="px-4 py-2">
                    <div className="font-medium">{user.name}</div>
                    <div className="text-xs text-slate-500">{user.email}</div>
                  </td>
                  <td className="px-4 py-2">
                    <label className="sr-only" htmlFor={`role-${user.id}`}>
                      Role of {user.name}
                    </label>
                    <select
                      id={`role-${user.id}`}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:text-slate-400"
                      value={user.role}
                      disabled={self || update.isPending}
                      onChange={(event) => update.mutate({ userId: user.id, change: { role: event.target.value as Role } })}
                    >
                      {props.roles.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="px-4 py-2">
                    <Badge tone={user.active ? "good" : "neutral"}>{user.active ? "active" : "deactivated"}</Badge>
                  </td>
                  <td className="px-4 py-2 text-slate-600">{user.lastSignInAt ? new Date(user.lastSignInAt).toLocaleString() : "never"}</td>
                  <td className="px-4 py-2 text-right">
                    {self ? (
                      <span className="text-xs text-slate-400">you</span>
                    ) : (
                      <Button
                        size="sm"
                        variant={user.active ? "secondary" : "primary"}
                        disabled={update.isPending}
                        onClick={() => update.mutate({ userId: user.id, change: { active: !user.active } })}
                      >
                        {user.active ? "Deactivate" : "Reactivate"}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
      <CreateUserCard roles={props.roles} url={usersUrl} onCreated={() => queryClient.invalidateQueries({ queryKey: usersKey })} />
    </div>
  );
}

function CreateUserCard({ roles, url, onCreated }: { roles: Role[]; url: string; onCreated: () => void }) {
  const form = useForm<CreateStaffUser>({
    resolver: zodResolver(CreateStaffUserSchema),
    defaultValues: { name: "", email: "", role: roles[0] as CreateStaffUser["role"], password: "" },
  });
  const create = useMutation({
    mutationFn: (values: CreateStaffUser) => apiFetch(url, { method: "POST", body: JSON.stringify(values) }),
    onSuccess: () => {
      form.reset();
      onCreated();
    },
  });
  const { errors } = form.formState;
  return (
    <Card className="h-fit p-5">
      <h2 className="mb-4 font-semibold">Add a user</h2>
      <form className="space-y-3" noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
        {create.error ? <Alert tone="error">{create.error.message}</Alert> : null}
        {create.isSuccess ? <Alert tone="success">User created. Share the password with them safely.</Alert> : null}
        <Field id="new-name" label="Name" error={errors.name?.message}>
          <Input id="new-name" aria-invalid={!!errors.name} {...form.register("name")} />
        </Field>
        <Field id="new-email" label="Email" error={errors.email?.message}>
          <Input id="new-email" type="email" aria-invalid={!!errors.email} {...form.register("email")} />
        </Field>
        <Field id="new-role" label="Role" error={errors.role?.message}>
          <select id="new-role" className="block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm" {...form.register("role")}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </Field>
        <Field id="new-password" label="Initial password" error={errors.password?.message}>
          <Input id="new-password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register("password")} />
        </Field>
        <Button type="submit" className="w-full" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add user"}
        </Button>
      </form>
    </Card>
  );
}
