"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { apiFetch, ApiError } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The form's own checks; the server checks again (and knows which slugs are taken). */
const CreateProductFormSchema = z
  .object({
    name: z.string().trim().min(1, "Name the product.").max(120, "At most 120 characters."),
    slug: z.string().trim().regex(CODE, "Use lowercase letters, digits and single hyphens."),
    sourceKind: z.enum(["blank", "example", "product"]),
    productType: z.string().trim(),
    currency: z.string().trim(),
    example: z.string(),
    productId: z.string(),
  })
  .superRefine((values, context) => {
    if (values.sourceKind === "blank" && !CODE.test(values.productType)) context.addIssue({ code: "custom", path: ["productType"], message: "A product type such as fridge or cabinet." });
    if (values.sourceKind === "blank" && !/^[A-Z]{3}$/.test(values.currency)) context.addIssue({ code: "custom", path: ["currency"], message: "An ISO 4217 code such as EUR." });
    if (values.sourceKind === "example" && !values.example) context.addIssue({ code: "custom", path: ["example"], message: "Choose an example." });
    if (values.sourceKind === "product" && !values.productId) context.addIssue({ code: "custom", path: ["productId"], message: "Choose a product." });
  });
type CreateProductForm = z.infer<typeof CreateProductFormSchema>;

const slugOf = (name: string) => name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64);
const SELECT_CLASS = "block h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

/** A new product: blank, a copy of a demo example, or a copy of one of the factory's products. */
export function CreateProductForm(props: { examples: Array<{ slug: string; name: string }>; products: Array<{ id: string; name: string }> }) {
  const router = useRouter();
  const form = useForm<CreateProductForm>({
    resolver: zodResolver(CreateProductFormSchema),
    defaultValues: { name: "", slug: "", sourceKind: "blank", productType: "generic", currency: "EUR", example: props.examples[0]?.slug ?? "", productId: props.products[0]?.id ?? "" },
  });
  const { errors } = form.formState;
  const sourceKind = useWatch({ control: form.control, name: "sourceKind" });
  const create = useMutation({
    mutationFn: (values: CreateProductForm) => {
      const source =
        values.sourceKind === "blank"
          ? { kind: "blank", productType: values.productType, currency: values.currency }
          : values.sourceKind === "example"
            ? { kind: "example", example: values.example }
            : { kind: "product", productId: values.productId };
      return apiFetch<{ id: string; removedBomLines: string[] }>("/api/admin/products", { method: "POST", body: JSON.stringify({ name: values.name, slug: values.slug, source }) });
    },
    onSuccess: (created) => {
      const removed = created.removedBomLines.length > 0 ? `?removedParts=${encodeURIComponent(created.removedBomLines.join(","))}` : "";
      router.push(`/admin/products/${created.id}${removed}`);
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? ((error.details as { fields?: Array<{ path: string; message: string }> } | undefined)?.fields ?? []) : [];
      for (const field of fields) if (field.path === "name" || field.path === "slug") form.setError(field.path, { message: field.message });
    },
  });
  const described = (field: keyof CreateProductForm) => ({ "aria-invalid": errors[field] !== undefined, "aria-describedby": errors[field] ? `new-${field}-error` : undefined });

  return (
    <form onSubmit={form.handleSubmit((values) => create.mutate(values))} noValidate className="space-y-3" aria-label="New product">
      {create.error ? <Alert tone="error">{create.error.message}</Alert> : null}
      <Field id="new-name" label="Name" error={errors.name?.message}>
        <Input
          id="new-name"
          {...described("name")}
          {...form.register("name", { onChange: (event) => !form.getFieldState("slug").isDirty && form.setValue("slug", slugOf(event.target.value)) })}
        />
      </Field>
      <Field id="new-slug" label="Slug (address)" error={errors.slug?.message} hint="/catalogue/<your factory>/<slug>">
        <Input id="new-slug" {...described("slug")} {...form.register("slug")} />
      </Field>
      <Field id="new-source" label="Start from">
        <select id="new-source" className={SELECT_CLASS} {...form.register("sourceKind")}>
          <option value="blank">A blank product</option>
          <option value="example">A copy of an example</option>
          {props.products.length > 0 ? <option value="product">A copy of one of your products</option> : null}
        </select>
      </Field>
      {sourceKind === "blank" ? (
        <div className="grid grid-cols-2 gap-3">
          <Field id="new-productType" label="Product type" error={errors.productType?.message}>
            <Input id="new-productType" {...described("productType")} {...form.register("productType")} />
          </Field>
          <Field id="new-currency" label="Currency" error={errors.currency?.message}>
            <Input id="new-currency" {...described("currency")} {...form.register("currency")} />
          </Field>
        </div>
      ) : null}
      {sourceKind === "example" ? (
        <Field id="new-example" label="Example" error={errors.example?.message}>
          <select id="new-example" className={SELECT_CLASS} {...described("example")} {...form.register("example")}>
            {props.examples.map((example) => (
              <option key={example.slug} value={example.slug}>
                {example.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {sourceKind === "product" ? (
        <Field id="new-productId" label="Product to copy" error={errors.productId?.message}>
          <select id="new-productId" className={SELECT_CLASS} {...described("productId")} {...form.register("productId")}>
            {props.products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Button type="submit" className="w-full" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create draft"}
      </Button>
    </form>
  );
}
