"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { apiFetch, ApiError } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatMoney } from "@/lib/core/money/format-money";
import { ContactSchema, ShippingAddressSchema } from "@/lib/core/orders/place-order-schema";

export type CartLineView = {
  id: string;
  productId: string;
  available: boolean;
  productName?: string;
  productSlug?: string;
  manufacturer?: { id: string; name: string };
  configuration?: Record<string, unknown>;
  quantity: number;
  valid?: boolean;
  errors?: string[];
  unitPrice?: number;
  total?: number;
  currency?: string;
};

const CheckoutSchema = z.object({ shippingAddress: ShippingAddressSchema, contact: ContactSchema });
type Checkout = z.input<typeof CheckoutSchema>;

/**
 * The cart and the checkout. No payment provider: an order is confirmed when it is placed (the
 * server's `confirmPayment` is where a payment step would go). A cart with products of two
 * manufacturers becomes two orders. Each order's idempotency key is kept in the tab, so a
 * double click or a retry after a network error never orders twice.
 */
export function CartCheckout({ initial, defaultName, defaultEmail }: { initial: CartLineView[]; defaultName: string; defaultEmail: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const cart = useQuery({ queryKey: ["cart"], queryFn: () => apiFetch<{ items: CartLineView[] }>("/api/cart/items").then((b) => b.items), initialData: initial });
  const [error, setError] = useState<string>();
  const form = useForm<Checkout>({
    resolver: zodResolver(CheckoutSchema),
    defaultValues: { shippingAddress: { name: defaultName, line1: "", line2: "", postalCode: "", city: "", country: "" }, contact: { email: defaultEmail, phone: "" } },
  });
  const { errors } = form.formState;

  const changeQuantity = useMutation({
    mutationFn: ({ id, quantity }: { id: string; quantity: number }) => apiFetch(`/api/cart/items/${id}`, { method: "PATCH", body: JSON.stringify({ quantity }) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["cart"] }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/cart/items/${id}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["cart"] }),
  });

  const lines = cart.data;
  const orderable = lines.filter((line) => line.available && line.valid);
  const groups = [...new Set(orderable.map((line) => line.manufacturer!.id))].map((id) => orderable.filter((line) => line.manufacturer!.id === id));

  const place = useMutation({
    mutationFn: async (checkout: z.output<typeof CheckoutSchema>) => {
      const placed: Array<{ id: string; number: string }> = [];
      for (const group of groups) {
        const signature = group.map((line) => `${line.id}:${line.quantity}`).join(",");
        const storageKey = `tailorline-checkout:${signature}`;
        const idempotencyKey = sessionStorage.getItem(storageKey) ?? `web-${crypto.randomUUID()}`;
        sessionStorage.setItem(storageKey, idempotencyKey);
        const body = {
          idempotencyKey,
          items: group.map((line) => ({ productId: line.productId, configuration: line.configuration, quantity: line.quantity, quotedTotal: line.total })),
          ...checkout,
        };
        const { order } = await apiFetch<{ order: { id: string; number: string } }>("/api/orders", { method: "POST", body: JSON.stringify(body) });
        placed.push(order);
        sessionStorage.removeItem(storageKey);
        for (const line of group) await apiFetch(`/api/cart/items/${line.id}`, { method: "DELETE" }).catch(() => undefined);
      }
      return placed;
    },
    onMutate: () => setError(undefined),
    onError: (failure) => {
      setError(failure instanceof ApiError && failure.code === "PRICE_MISMATCH" ? "A price changed since you added the item; check the new total and place the order again." : failure.message);
      void queryClient.invalidateQueries({ queryKey: ["cart"] });
    },
    onSuccess: (placed) => {
      void queryClient.invalidateQueries({ queryKey: ["cart"] });
      router.push(placed.length === 1 ? `/orders/${placed[0]!.id}` : "/orders");
    },
  });

  if (lines.length === 0) {
    return (
      <Card className="p-8 text-center text-slate-600">
        Your cart is empty.{" "}
        <Link href="/catalogue" className="font-medium text-brand-600 hover:underline">
          Configure something
        </Link>
        .
      </Card>
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_360px]">
      <Card className="divide-y divide-slate-100">
        {lines.map((line) => (
          <div key={line.id} className="flex flex-wrap items-start gap-4 p-4" data-testid="cart-line">
            <div className="min-w-0 flex-1">
              <div className="font-medium">{line.productName ?? "A product that is no longer available"}</div>
              {line.manufacturer ? <div className="text-xs text-slate-500">{line.manufacturer.name}</div> : null}
              {line.configuration ? (
                <div className="mt-1 text-xs text-slate-600">
                  {Object.entries(line.configuration)
                    .map(([group, value]) => `${group}: ${Array.isArray(value) ? value.join("+") : String(value)}`)
                    .join(" · ")}
                </div>
              ) : null}
              {line.available && !line.valid ? <p className="mt-1 text-sm text-red-600">This configuration is no longer valid: {line.errors?.[0]}</p> : null}
            </div>
            <label className="text-sm">
              <span className="sr-only">Quantity of {line.productName}</span>
              <select
                className="h-9 rounded-md border border-slate-300 bg-white px-2"
                value={line.quantity}
                onChange={(e) => changeQuantity.mutate({ id: line.id, quantity: Number(e.target.value) })}
              >
                {Array.from({ length: 20 }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <div className="w-28 text-right font-semibold">{line.total !== undefined && line.currency ? formatMoney(line.total, line.currency) : "—"}</div>
            <Button size="sm" variant="ghost" onClick={() => remove.mutate(line.id)} aria-label={`Remove ${line.productName ?? "item"}`}>
              Remove
            </Button>
          </div>
        ))}
      </Card>

      <Card className="h-fit p-5">
        <h2 className="mb-4 font-semibold">Delivery</h2>
        <form className="space-y-3" noValidate onSubmit={form.handleSubmit((values) => place.mutate(CheckoutSchema.parse(values)))}>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <Field id="ship-name" label="Recipient" error={errors.shippingAddress?.name?.message}>
            <Input id="ship-name" autoComplete="name" {...form.register("shippingAddress.name")} />
          </Field>
          <Field id="ship-line1" label="Street address" error={errors.shippingAddress?.line1?.message}>
            <Input id="ship-line1" autoComplete="address-line1" {...form.register("shippingAddress.line1")} />
          </Field>
          <Field id="ship-line2" label="Apartment, floor (optional)" error={errors.shippingAddress?.line2?.message}>
            <Input id="ship-line2" autoComplete="address-line2" {...form.register("shippingAddress.line2")} />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field id="ship-postal" label="Postal code" error={errors.shippingAddress?.postalCode?.message}>
              <Input id="ship-postal" autoComplete="postal-code" {...form.register("shippingAddress.postalCode")} />
            </Field>
            <Field id="ship-city" label="City" error={errors.shippingAddress?.city?.message}>
              <Input id="ship-city" autoComplete="address-level2" {...form.register("shippingAddress.city")} />
            </Field>
          </div>
          <Field id="ship-country" label="Country code" hint="Two letters, e.g. SE, IT, DE" error={errors.shippingAddress?.country?.message}>
            <Input id="ship-country" autoComplete="country" maxLength={2} {...form.register("shippingAddress.country")} />
          </Field>
          <Field id="contact-email" label="Email for updates" error={errors.contact?.email?.message}>
            <Input id="contact-email" type="email" autoComplete="email" {...form.register("contact.email")} />
          </Field>
          <Field id="contact-phone" label="Phone (optional)" error={errors.contact?.phone?.message}>
            <Input id="contact-phone" type="tel" autoComplete="tel" {...form.register("contact.phone")} />
          </Field>
          <div className="border-t border-slate-100 pt-3 text-sm">
            {groups.map((group) => (
              <div key={group[0]!.manufacturer!.id} className="flex justify-between">
                <span>{group[0]!.manufacturer!.name}</span>
                <span className="font-semibold">{formatMoney(group.reduce((sum, line) => sum + (line.total ?? 0), 0), group[0]!.currency!)}</span>
              </div>
            ))}
            {groups.length > 1 ? <p className="mt-1 text-xs text-slate-500">Two makers: this becomes {groups.length} orders.</p> : null}
            <p className="mt-2 text-xs text-slate-500">No payment is taken in this installation: your order is confirmed when placed.</p>
          </div>
          <Button type="submit" className="w-full" disabled={place.isPending || orderable.length === 0}>
            {place.isPending ? "Placing your order…" : "Place order"}
          </Button>
        </form>
      </Card>
    </div>
  );
}
