import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentActor } from "@/lib/server/auth/page-guard";
import { AppError } from "@/lib/server/errors";
import { getOrder } from "@/lib/server/orders/get-order";
import { OrderTracker, type TrackedOrder } from "@/components/orders/order-tracker";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect(`/sign-in?next=${encodeURIComponent(`/orders/${orderId}`)}`);
  let order;
  try {
    order = await getOrder(actor, orderId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
  const initial = JSON.parse(JSON.stringify(order)) as TrackedOrder;
  return (
    <>
      <PageHeader title={`Order ${order.number}`} description={`Placed ${order.placedAt.toISOString().slice(0, 10)}`} />
      <OrderTracker initial={initial} canCancel={actor.role === "consumer"} />
    </>
  );
}
