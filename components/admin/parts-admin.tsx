"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { formatMoney } from "@/lib/core/money/format-money";
import { OFFER_COLUMNS, PART_COLUMNS } from "@/lib/core/parts/part-schemas";
import { CsvImportExport } from "./csv-import";

export type AdminPart = {
  id: string;
  partNumber: string;
  name: string;
  unit: string;
  onHand: number;
  reserved: number;
  supplierParts: Array<{ id: string; unitPrice: number; currency: string; leadTimeDays: number; minOrderQty: number; supplierSku: string | null; active: boolean; supplier: { id: string; slug: string; name: string } }>;
};

const UNITS = ["pcs", "m", "kg", "l", "spool"];

/** Parts with stock and the offers of the suppliers serving the factory; CSV in and out. */
export function PartsAdmin({ initial, supplierSlugs }: { initial: AdminPart[]; supplierSlugs: string[] }) {
  const queryClient = useQueryClient();
  const parts = useQuery({ queryKey: ["admin-parts"], queryFn: () => apiFetch<{ parts: AdminPart[] }>("/api/admin/parts").then((b) => b.parts), initialData: initial });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["admin-parts"] });
  const [open, setOpen] = useState<string | null>(null);
  const [filter, setFilter] = useState("");
  const savePart = useMutation({
    mutationFn: (part: { partNumber: string; name: string; unit: string; onHand: number }) => apiFetch("/api/admin/parts", { method: "POST", body: JSON.stringify(part) }),
    onSettled: refresh,
  });
  const saveOffer = useMutation({
    mutationFn: (offer: Record<string, unknown>) => apiFetch("/api/admin/supplier-offers", { method: "POST", body: JSON.stringify(offer) }),
    onSettled: refresh,
  });
  const [draft, setDraft] = useState({ partNumber: "", name: "", unit: "pcs", onHand: "0" });
  const rows = parts.data.filter((part) => !filter || `${part.partNumber} ${part.name}`.toLowerCase().includes(filter.toLowerCase()));

  return (
    <div className="space-y-4">
      <Card className="space-y-3 p-4">
        <CsvImportExport label="parts" importUrl="/api/admin/parts/import" exportUrl="/api/admin/parts/export.csv" columns={PART_COLUMNS} onImported={refresh} />
        <CsvImportExport label="supplier offers" importUrl="/api/admin/supplier-offers/import" exportUrl="/api/admin/supplier-offers/export.csv" columns={OFFER_COLUMNS} onImported={refresh} />
      </Card>
      {savePart.error ? <Alert tone="error">{savePart.error.message}</Alert> : null}
      {saveOffer.error ? <Alert tone="error">{saveOffer.error.message}</Alert> : null}
      <Card className="overflow-x-auto">
        <div className="flex items-center gap-2 border-b border-slate-100 p-3">
          <Input className="max-w-xs" placeholder="Filter parts" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter parts" />
          <span className="text-sm text-slate-500">{rows.length} parts</span>
        </div>
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">Part</th>
              <th className="px-3 py-2">Unit</th>
              <th className="px-3 py-2">On hand</th>
              <th className="px-3 py-2">Reserved</th>
              <th className="px-3 py-2">Offers</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {rows.map((part) => (
              <Fragment key={part.id}>
                <tr className="border-b border-slate-100">
                  <td className="px-3 py-2">
                    <div className="font-medium">{part.partNumber}</div>
                    <div className="text-xs text-slate-500">{part.name}</div>
                  </td>
                  <td className="px-3 py-2">{part.unit}</td>
                  <td className="px-3 py-2">
                    <StockEditor part={part} onSave={(onHand) => savePart.mutate({ partNumber: part.partNumber, name: part.name, unit: part.unit, onHand })} />
                  </td>
                  <td className="px-3 py-2">{part.reserved}</td>
                  <td className="px-3 py-2 text-xs text-slate-600">
                    {part.supplierParts.length === 0 ? <span className="text-red-600">no supplier</span> : part.supplierParts.map((offer) => offer.supplier.slug).join(", ")}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Button size="sm" variant="ghost" onClick={() => setOpen(open === part.id ? null : part.id)} aria-expanded={open === part.id}>
                      {open === part.id ? "Close" : "Offers"}
                    </Button>
                  </td>
                </tr>
                {open === part.id ? (
                  <tr className="border-b border-slate-100 bg-slate-50">
                    <td colSpan={6} className="px-3 py-3">
                      <OffersEditor part={part} supplierSlugs={supplierSlugs} pending={saveOffer.isPending} onSave={(offer) => saveOffer.mutate({ ...offer, partNumber: part.partNumber })} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
        <form
          className="flex flex-wrap items-end gap-2 border-t border-slate-100 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            savePart.mutate({ ...draft, onHand: Number(draft.onHand) }, { onSuccess: () => setDraft({ partNumber: "", name: "", unit: "pcs", onHand: "0" }) });
          }}
        >
          <span className="w-full text-sm font-medium">Add a part</span>
          <Input className="w-40" placeholder="PART-NUMBER" aria-label="Part number" value={draft.partNumber} onChange={(e) => setDraft({ ...draft, partNumber: e.target.value })} />
          <Input className="w-64" placeholder="Name" aria-label="Part name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          <select className="h-10 rounded-md border border-slate-300 bg-white px-2 text-sm" aria-label="Unit" value={draft.unit} onChange={(e) => setDraft({ ...draft, unit: e.target.value })}>
            {UNITS.map((unit) => (
              <option key={unit}>{unit}</option>
            ))}
          </select>
          <Input className="w-28" type="number" min={0} aria-label="On hand" value={draft.onHand} onChange={(e) => setDraft({ ...draft, onHand: e.target.value })} />
          <Button type="submit" size="sm" disabled={savePart.isPending}>
            Add part
          </Button>
        </form>
      </Card>
    </div>
  );
}

function StockEditor({ part, onSave }: { part: AdminPart; onSave: (onHand: number) => void }) {
  const [value, setValue] = useState(String(part.onHand));
  const changed = value !== String(part.onHand);
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(Number(value));
      }}
    >
      <Input className="h-8 w-24" type="number" min={part.reserved} aria-label={`On hand of ${part.partNumber}`} value={value} onChange={(e) => setValue(e.target.value)} />
      {changed ? (
        <Button size="sm" type="submit">
          Save
        </Button>
      ) : null}
    </form>
  );
}

function OffersEditor({ part, supplierSlugs, pending, onSave }: { part: AdminPart; supplierSlugs: string[]; pending: boolean; onSave: (offer: Record<string, unknown>) => void }) {
  const [offer, setOffer] = useState({ supplier: supplierSlugs[0] ?? "", unitPrice: "", currency: part.supplierParts[0]?.currency ?? "EUR", leadTimeDays: "", minOrderQty: "1", supplierSku: "" });
  return (
    <div className="space-y-2">
      <table className="w-full text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="text-left">Supplier</th>
            <th className="text-left">Unit price</th>
            <th className="text-left">Lead time</th>
            <th className="text-left">Min. order</th>
            <th className="text-left">SKU</th>
          </tr>
        </thead>
        <tbody>
          {part.supplierParts.map((existing) => (
            <tr key={existing.id}>
              <td>{existing.supplier.name}</td>
              <td>{formatMoney(existing.unitPrice, existing.currency)}</td>
              <td>{existing.leadTimeDays} days</td>
              <td>{existing.minOrderQty}</td>
              <td>{existing.supplierSku ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ ...offer, unitPrice: Number(offer.unitPrice), leadTimeDays: Number(offer.leadTimeDays), minOrderQty: Number(offer.minOrderQty) });
        }}
      >
        <select className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm" aria-label="Supplier" value={offer.supplier} onChange={(e) => setOffer({ ...offer, supplier: e.target.value })}>
          {supplierSlugs.map((slug) => (
            <option key={slug}>{slug}</option>
          ))}
        </select>
        <Input className="h-9 w-32" type="number" min={0} placeholder="price (cents)" aria-label="Unit price in minor units" value={offer.unitPrice} onChange={(e) => setOffer({ ...offer, unitPrice: e.target.value })} />
        <Input className="h-9 w-20" aria-label="Currency" value={offer.currency} onChange={(e) => setOffer({ ...offer, currency: e.target.value })} />
        <Input className="h-9 w-24" type="number" min={0} placeholder="days" aria-label="Lead time in days" value={offer.leadTimeDays} onChange={(e) => setOffer({ ...offer, leadTimeDays: e.target.value })} />
        <Input className="h-9 w-24" type="number" min={1} aria-label="Minimum order quantity" value={offer.minOrderQty} onChange={(e) => setOffer({ ...offer, minOrderQty: e.target.value })} />
        <Input className="h-9 w-32" placeholder="SKU (optional)" aria-label="Supplier SKU" value={offer.supplierSku} onChange={(e) => setOffer({ ...offer, supplierSku: e.target.value })} />
        <Button size="sm" type="submit" disabled={pending}>
          Save offer
        </Button>
      </form>
    </div>
  );
}
