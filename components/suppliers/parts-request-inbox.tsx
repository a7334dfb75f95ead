"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { useLiveRoom } from "@/components/live/live-socket";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { filterQuery, type PartsRequestFilters, type PartsRequestPage, type PartsRequestRow } from "./parts-request-types";
import { RespondDialog, type ResponseAction, type ResponseBody } from "./respond-dialog";

const STATUS_TONE = { requested: "info", confirmed: "good", rejected: "bad", received: "neutral", withdrawn: "neutral" } as const;
const EMPTY_FILTERS: PartsRequestFilters = { status: "", manufacturerId: "", part: "", neededFrom: "", neededTo: "" };
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/**
 * The supplier's inbox: every request addressed to its organization, filterable, updated live
 * (new requests appear without a reload), answered one by one or confirmed in bulk.
 */
export function PartsRequestInbox({ supplierId, initial }: { supplierId: string; initial: PartsRequestPage }) {
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState(EMPTY_FILTERS);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkDate, setBulkDate] = useState("");
  const [dialog, setDialog] = useState<{ request: PartsRequestRow; action: ResponseAction } | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const query = filterQuery(filters);

  const requests = useQuery({
    queryKey: ["supplier-parts-requests", query],
    queryFn: () => apiFetch<PartsRequestPage>(`/api/supplier/parts-requests?${query}`),
    initialData: query === "" ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const { joined } = useLiveRoom(`supplier:${supplierId}`, ["parts-request.created", "parts-request.updated"], {
    staleQueries: [["supplier-parts-requests"]],
  });

  const respond = useMutation({
    mutationFn: ({ request, body }: { request: PartsRequestRow; body: ResponseBody }) =>
      apiFetch(`/api/parts-requests/${request.id}/responses`, { method: "POST", body: JSON.stringify({ ...body, version: request.version }) }),
    onSuccess: (_result, { body }) => {
      setDialog(null);
      setNotice({ tone: "success", text: body.action === "reject" ? "Request rejected." : body.action === "revise" ? "Promised date updated." : "Request confirmed." });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["supplier-parts-requests"] }),
  });
  const receive = useMutation({
    mutationFn: (request: PartsRequestRow) =>
      apiFetch(`/api/parts-requests/${request.id}/responses`, { method: "POST", body: JSON.stringify({ action: "receive", version: request.version }) }),
    onError: (error) => setNotice({ tone: "error", text: error.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["supplier-parts-requests"] }),
  });
  const bulkConfirm = useMutation({
    mutationFn: () =>
      apiFetch<{ confirmed: number; results: Array<{ ok: boolean; message?: string }> }>("/api/supplier/parts-requests/bulk-confirm", {
        method: "POST",
        body: JSON.stringify({ requestIds: [...selected], promisedDate: bulkDate }),
      }),
    onSuccess: (result) => {
      const failed = result.results.filter((r) => !r.ok);
      setNotice({
        tone: failed.length ? "error" : "success",
        text: `${result.confirmed} confirmed${failed.length ? `; ${failed.length} not: ${failed[0]?.message}` : "."}`,
      });
      setSelected(new Set());
    },
    onError: (error) => setNotice({ tone: "error", text: error.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["supplier-parts-requests"] }),
  });

  const rows = requests.data?.requests ?? [];
  const openRows = rows.filter((row) => row.status === "requested");
  const allOpenSelected = openRows.length > 0 && openRows.every((row) => selected.has(row.id));
  const setFilter = (key: keyof PartsRequestFilters, value: string) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setSelected(new Set());
  };

  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-3 p-4">
        <label className="text-sm">
          <span className="mb-1 block text-slate-600">Status</span>
          <select className="h-10 rounded-md border border-slate-300 bg-white px-2" value={filters.status} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="">All</option>
            {Object.keys(STATUS_TONE).map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-600">Manufacturer</span>
          <select className="h-10 rounded-md border border-slate-300 bg-white px-2" value={filters.manufacturerId} onChange={(e) => setFilter("manufacturerId", e.target.value)}>
            <option value="">All</option>
            {(requests.data?.manufacturers ?? initial.manufacturers).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-600">Part</span>
          <Input className="w-44" placeholder="number or name" value={filters.part} onChange={(e) => setFilter("part", e.target.value)} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-600">Needed from</span>
          <Input type="date" value={filters.neededFrom} onChange={(e) => setFilter("neededFrom", e.target.value)} />
        </label>
        <label className="text-sm">
          <span className="mb-1 block text-slate-600">Needed to</span>
          <Input type="date" value={filters.neededTo} onChange={(e) => setFilter("neededTo", e.target.value)} />
        </label>
        <div className="ml-auto flex items-center gap-3">
          <span className="flex items-center gap-1.5 text-xs text-slate-500" data-testid="live-indicator">
            <span className={`h-2 w-2 rounded-full ${joined ? "bg-emerald-500" : "bg-slate-300"}`} /> {joined ? "live" : "connecting…"}
          </span>
          <Button asChild variant="secondary">
            <a href={`/api/supplier/parts-requests/export.csv?${query}`} download>
              Export CSV
            </a>
          </Button>
        </div>
      </Card>

      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {requests.error ? <Alert tone="error">{requests.error.message}</Alert> : null}

      {selected.size > 0 ? (
        <Card className="flex flex-wrap items-center gap-3 border-brand-100 bg-brand-50 p-3">
          <span className="text-sm font-medium">{selected.size} selected</span>
          <label className="flex items-center gap-2 text-sm">
            Promised date
            <Input type="date" className="w-44" value={bulkDate} onChange={(e) => setBulkDate(e.target.value)} aria-label="Promised date for the selected requests" />
          </label>
          <Button size="sm" disabled={!bulkDate || bulkConfirm.isPending} onClick={() => bulkConfirm.mutate()}>
            {bulkConfirm.isPending ? "Confirming…" : "Confirm all in full"}
          </Button>
        </Card>
      ) : null}

      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-8 px-3 py-2">
                <input
                  type="checkbox"
                  aria-label="Select all open requests"
                  checked={allOpenSelected}
                  disabled={openRows.length === 0}
                  onChange={() => setSelected(allOpenSelected ? new Set() : new Set(openRows.map((row) => row.id)))}
                />
              </th>
              <th className="px-3 py-2">Manufacturer</th>
              <th className="px-3 py-2">Part</th>
              <th className="px-3 py-2">Quantity</th>
              <th className="px-3 py-2">Needed by</th>
              <th className="px-3 py-2">Order</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2 text-right">Answer</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-4 py-10 text-center text-slate-500">
                  {query ? "No requests match these filters." : "No parts requests yet. New requests appear here as customers order."}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100" data-testid="parts-request-row" data-part={row.part.partNumber} data-status={row.status}>
                  <td className="px-3 py-2">
                    {row.status === "requested" ? (
                      <input
                        type="checkbox"
                        aria-label={`Select ${row.part.partNumber} for order ${row.order.number}`}
                        checked={selected.has(row.id)}
                        onChange={() =>
                          setSelected((current) => {
                            const next = new Set(current);
                            if (next.has(row.id)) next.delete(row.id);
                            else next.add(row.id);
                            return next;
                          })
                        }
                      />
                    ) : null}
                  </td>
                  <td className="px-3 py-2">{row.manufacturer.name}</td>
                  <td className="px-3 py-2">
                    <div className="font-medium">{row.part.partNumber}</div>
                    <div className="text-xs text-slate-500">{row.part.name}</div>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {row.confirmedQuantity !== null && row.confirmedQuantity !== row.quantity ? `${row.confirmedQuantity} of ` : ""}
                    {row.quantity} {row.part.unit}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {dateFormat.format(new Date(row.neededBy))}
                    {row.promisedDate ? <div className="text-xs text-slate-500">promised {dateFormat.format(new Date(row.promisedDate))}</div> : null}
                  </td>
                  <td className="px-3 py-2">{row.order.number}</td>
                  <td className="px-3 py-2">
                    <Badge tone={STATUS_TONE[row.status]}>{row.status}</Badge>
                    {row.rejectReason ? <div className="mt-1 max-w-48 text-xs text-slate-500">{row.rejectReason}</div> : null}
                  </td>
                  <td className="px-3 py-2">
                    <div className="flex justify-end gap-1">
                      {row.status === "requested" ? (
                        <>
                          <Button size="sm" onClick={() => setDialog({ request: row, action: "confirm" })}>
                            Confirm
                          </Button>
                          <Button size="sm" variant="secondary" onClick={() => setDialog({ request: row, action: "reject" })}>
                            Reject
                          </Button>
                        </>
                      ) : null}
                      {row.status === "confirmed" ? (
                        <>
                          <Button size="sm" variant="secondary" onClick={() => setDialog({ request: row, action: "revise" })}>
                            Change date
                          </Button>
                          <Button size="sm" variant="secondary" disabled={receive.isPending} onClick={() => receive.mutate(row)}>
                            Mark received
                          </Button>
                        </>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </Card>

      {dialog ? (
        <RespondDialog
          request={dialog.request}
          action={dialog.action}
          pending={respond.isPending}
          error={respond.error?.message}
          onSubmit={(body) => respond.mutate({ request: dialog.request, body })}
          onClose={() => {
            setDialog(null);
            respond.reset();
          }}
        />
      ) : null}
    </div>
  );
}
