"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-fetch";
import { useLiveRoom } from "@/components/live/live-socket";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/core/money/format-money";
import { canCancelOrder, type OrderStatus } from "@/lib/core/orders/order-status";
import { orderTimeline } from "@/lib/core/orders/order-timeline";

export type TrackedOrder = {
  id: string;
  number: string;
  status: OrderStatus;
  currency: string;
  totalPrice: number;
  placedAt: string;
  promisedDate: string | null;
  atRisk: boolean;
  atRiskReason: string | null;
  manufacturer: { name: string };
  items: Array<{
    id: string;
    quantity: number;
    totalPrice: number;
    configuration: Record<string, unknown>;
    product: { name: string };
    jobs: Array<{ id: string; code: string; status: string; progress: number; start: string | null; end: string | null; line: { code: string; name: string } | null }>;
  }>;
  events: Array<{ id: string; at: string; kind: string; message: string }>;
};

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** An order's page: the timeline, the items and their production, live over the order's room. */
export function OrderTracker({ initial, canCancel }: { initial: TrackedOrder; canCancel: boolean }) {
  const queryClient = useQueryClient();
  const key = ["order", initial.id];
  const order = useQuery({ queryKey: key, queryFn: () => apiFetch<{ order: TrackedOrder }>(`/api/orders/${initial.id}`).then((b) => b.order), initialData: initial });
  const { joined } = useLiveRoom(`order:${initial.id}`, ["order.updated", "job.updated"], { staleQueries: [key] });
  const cancel = useMutation({
    mutationFn: () => apiFetch(`/api/orders/${initial.id}/cancel`, { method: "POST", body: "{}" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const data = order.data;
  const steps = orderTimeline(data.status, data.events);
  const jobs = data.items.flatMap((item) => item.jobs);
  const progress = jobs.length ? Math.round((jobs.reduce((sum, job) => sum + (job.status === "done" ? 100 : job.progress), 0) / jobs.length) * 10) / 10 : 0;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
      <div className="space-y-6">
        <Card className="p-5">
          <div className="mb-4 flex items-center justify-between">
            <h2 className="font-semibold">Progress</h2>
            <span className="flex items-center gap-1.5 text-xs text-slate-500">
              <span className={`h-2 w-2 rounded-full ${joined ? "bg-emerald-500" : "bg-slate-300"}`} /> {joined ? "live" : "connecting…"}
            </span>
          </div>
          {data.status === "cancelled" ? <Alert tone="error">This order was cancelled.</Alert> : null}
          <ol className="mt-2 space-y-3" aria-label="Order timeline">
            {steps.map((step) => (
              <li key={step.key} className="flex items-start gap-3" data-testid={`timeline-${step.key}`} data-state={step.state}>
                <span
                  aria-hidden
                  className={`mt-1 h-3 w-3 shrink-0 rounded-full ${step.state === "done" ? "bg-emerald-500" : step.state === "current" ? "bg-brand-500 ring-4 ring-brand-100" : "bg-slate-200"}`}
                />
                <div>
                  <div className={`text-sm ${step.state === "upcoming" ? "text-slate-400" : "font-medium"}`}>
                    {step.label}
                    {step.state === "current" ? <span className="sr-only"> (current step)</span> : null}
                    {step.key === "in_production" && step.state !== "upcoming" ? ` · ${progress}%` : ""}
                  </div>
                  {step.at ? <div className="text-xs text-slate-500">{dateTime.format(new Date(step.at))} UTC</div> : null}
                </div>
              </li>
            ))}
          </ol>
        </Card>

        <Card className="divide-y divide-slate-100">
          {data.items.map((item) => (
            <div key={item.id} className="p-5">
              <div className="flex items-baseline justify-between">
                <h3 className="font-semibold">
                  {item.quantity} × {item.product.name}
                </h3>
                <span className="text-sm font-medium">{formatMoney(item.totalPrice, data.currency)}</span>
              </div>
              <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                {Object.entries(item.configuration).map(([group, value]) => (
                  <div key={group}>
                    <dt className="text-xs text-slate-500">{group}</dt>
                    <dd>{Array.isArray(value) ? value.join(", ") || "—" : String(value)}</dd>
                  </div>
                ))}
              </dl>
              <ul className="mt-3 space-y-1 text-sm">
                {item.jobs.map((job) => (
                  <li key={job.id} className="flex items-center gap-2" data-testid="order-job">
                    <span className="font-mono text-xs text-slate-500">{job.code}</span>
                    <Badge tone={job.status === "done" ? "good" : job.status === "running" ? "info" : job.status === "failed" ? "bad" : "neutral"}>{job.status.replace("_", " ")}</Badge>
                    {job.line && job.start ? (
                      <span className="text-xs text-slate-600">
                        {job.line.name}, {dateTime.format(new Date(job.start))} UTC
                      </span>
                    ) : null}
                    {job.status === "running" ? (
                      <span className="ml-auto h-1.5 w-24 overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuenow={job.progress} aria-valuemin={0} aria-valuemax={100}>
                        <span className="block h-full bg-brand-500" style={{ width: `${job.progress}%` }} />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Card>
      </div>

      <div className="space-y-4">
        <Card className="p-5">
          <div className="text-sm text-slate-600">Status</div>
          <div className="mt-1 text-lg font-semibold" data-testid="order-status">
            {data.status.replace("_", " ")}
          </div>
          {data.promisedDate ? (
            <p className="mt-3 text-sm">
              Arrives by <strong>{dateOnly.format(new Date(data.promisedDate))}</strong>
            </p>
          ) : null}
          {data.atRisk && data.atRiskReason ? <p className="mt-2 text-sm text-amber-700">We are working on a delay: {data.atRiskReason}.</p> : null}
          <p className="mt-3 text-sm text-slate-600">
            {data.manufacturer.name} · total <strong>{formatMoney(data.totalPrice, data.currency)}</strong>
          </p>
          {canCancel && canCancelOrder(data.status) ? (
            <div className="mt-4">
              {cancel.error ? <Alert tone="error">{cancel.error.message}</Alert> : null}
              <Button variant="secondary" className="w-full" disabled={cancel.isPending} onClick={() => window.confirm("Cancel this order?") && cancel.mutate()}>
                {cancel.isPending ? "Cancelling…" : "Cancel order"}
              </Button>
            </div>
          ) : null}
        </Card>
        <Card className="p-5">
          <h2 className="mb-2 text-sm font-semibold">History</h2>
          <ul className="space-y-2 text-sm">
            {[...data.events].reverse().map((event) => (
              <li key={event.id}>
                <div>{event.message}</div>
                <div className="text-xs text-slate-500">{dateTime.format(new Date(event.at))} UTC</div>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
