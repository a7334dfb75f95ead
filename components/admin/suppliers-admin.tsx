"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { apiFetch } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { CreateSupplierSchema, type CreateSupplier } from "@/lib/core/parts/supplier-schemas";

type SupplierRow = { id: string; slug: string; name: string; servesUs: boolean; offers: number };

/** Which supplier organizations serve this factory; register a new one with its first admin. */
export function SuppliersAdmin({ initial }: { initial: SupplierRow[] }) {
  const queryClient = useQueryClient();
  const suppliers = useQuery({ queryKey: ["admin-suppliers"], queryFn: () => apiFetch<{ suppliers: SupplierRow[] }>("/api/admin/suppliers").then((b) => b.suppliers), initialData: initial });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["admin-suppliers"] });
  const link = useMutation({
    mutationFn: ({ id, linked }: { id: string; linked: boolean }) => apiFetch(`/api/admin/suppliers/${id}`, { method: "PATCH", body: JSON.stringify({ linked }) }),
    onSettled: refresh,
  });
  const form = useForm<CreateSupplier>({ resolver: zodResolver(CreateSupplierSchema), defaultValues: { name: "", slug: "", adminName: "", adminEmail: "", adminPassword: "" } });
  const create = useMutation({
    mutationFn: (values: CreateSupplier) => apiFetch("/api/admin/suppliers", { method: "POST", body: JSON.stringify(values) }),
    onSuccess: () => form.reset(),
    onSettled: refresh,
  });
  const { errors } = form.formState;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <Card className="divide-y divide-slate-100">
        {link.error ? <div className="p-3"><Alert tone="error">{link.error.message}</Alert></div> : null}
        {suppliers.data.map((supplier) => (
          <div key={supplier.id} className="flex items-center gap-3 p-4">
            <div className="flex-1">
              <div className="font-medium">{supplier.name}</div>
              <div className="text-xs text-slate-500">
                {supplier.slug} · {supplier.offers} offers for your parts
              </div>
            </div>
            <Badge tone={supplier.servesUs ? "good" : "neutral"}>{supplier.servesUs ? "serves you" : "not linked"}</Badge>
            <Button size="sm" variant={supplier.servesUs ? "secondary" : "primary"} disabled={link.isPending} onClick={() => link.mutate({ id: supplier.id, linked: !supplier.servesUs })}>
              {supplier.servesUs ? "Stop using" : "Use this supplier"}
            </Button>
          </div>
        ))}
      </Card>
      <Card className="h-fit p-5">
        <h2 className="mb-3 font-semibold">Register a supplier</h2>
        <form className="space-y-3" noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
          {create.error ? <Alert tone="error">{create.error.message}</Alert> : null}
          {create.isSuccess ? <Alert tone="success">Supplier registered and linked. Send its admin their sign-in.</Alert> : null}
          <Field id="s-name" label="Company name" error={errors.name?.message}><Input id="s-name" {...form.register("name")} /></Field>
          <Field id="s-slug" label="Short name (slug)" error={errors.slug?.message}><Input id="s-slug" {...form.register("slug")} /></Field>
          <Field id="s-admin" label="Their admin's name" error={errors.adminName?.message}><Input id="s-admin" {...form.register("adminName")} /></Field>
          <Field id="s-email" label="Their admin's email" error={errors.adminEmail?.message}><Input id="s-email" type="email" {...form.register("adminEmail")} /></Field>
          <Field id="s-password" label="Initial password" error={errors.adminPassword?.message}><Input id="s-password" type="password" autoComplete="new-password" {...form.register("adminPassword")} /></Field>
          <Button type="submit" className="w-full" disabled={create.isPending}>{create.isPending ? "Registering…" : "Register supplier"}</Button>
        </form>
      </Card>
    </div>
  );
}
