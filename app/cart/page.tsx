import type { Metadata } from "next";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listCart } from "@/lib/server/cart/list-cart";
import { db } from "@/lib/server/db";
import { CartCheckout, type CartLineView } from "@/components/orders/cart-checkout";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Cart" };

export default async function CartPage() {
  const actor = await requireArea("orders", "/cart");
  const [items, user] = await Promise.all([listCart(actor), db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } })]);
  return (
    <>
      <PageHeader title="Cart" description="Prices are checked again when you place the order." />
      <CartCheckout initial={items as CartLineView[]} defaultName={user.name} defaultEmail={user.email} />
    </>
  );
}
