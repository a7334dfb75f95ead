import type { Metadata } from "next";
import Link from "next/link";
import { formatMoney } from "@/lib/core/money/format-money";
import { requireArea } from "@/lib/server/auth/page-guard";
import { listOwnOrders } from "@/lib/server/orders/list-own-orders";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "My orders" };

export default async function MyOrdersPage() {
  const actor = await requireArea("orders", "/orders");
  const orders = await listOwnOrders(actor);
  const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <PageHeader title="My orders" />
      {orders.length === 0 ? (
        <Card className="p-8 text-center text-slate-600">
          You have no orders yet.{" "}
          <Link href="/catalogue" className="font-medium text-brand-600 hover:underline">
            Configure something in the catalogue
          </Link>
          .
        </Card>
      ) : (
        <ul className="space-y-2">
          {orders.map((order) => (
            <li key={order.id}>
              <Link href={`/orders/${order.id}`} className="block rounded-xl hover:ring-2 hover:ring-brand-100">
              <Card className="flex items-center justify-between p-4">
                <div>
                  <div className="font-medium">{order.number}</div>
                  <div className="text-sm text-slate-600">
                    {order.manufacturer.name} · placed {dateFormat.format(order.placedAt)}
                    {order.promisedDate ? ` · arrives by ${dateFormat.format(order.promisedDate)}` : ""}
                  </div>
                </div>
                <div className="flex items-center gap-3">
                  <Badge tone="info">{order.status.replace("_", " ")}</Badge>
                  <span className="font-semibold">{formatMoney(order.totalPrice, order.currency)}</span>
                </div>
              </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
