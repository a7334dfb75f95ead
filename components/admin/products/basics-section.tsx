"use client";

import type { ProductDefinition } from "@/lib/core/configurator";
import { Button } from "@/components/ui/button";
import { MoneyField, PathError, SelectField, TextField } from "./editor-controls";

/** The roles each preview renderer draws (lib/core/preview), to suggest the layers to map. */
const PREVIEW_ROLES: Record<string, string[]> = {
  fridge: ["color", "door", "handle", "width", "text"],
  washer: ["color", "door-ring", "door", "size", "text"],
  shirt: ["color", "collar", "cuffs", "pocket", "sleeve", "monogram", "monogram-position"],
};
const GENERIC_ROLES = ["color", "text"];

type Basics = Pick<ProductDefinition, "name" | "slug" | "description" | "productType" | "currency" | "basePrice" | "preview">;

/** The product itself: name, address, type (which picks the preview), currency, base price, preview layers. */
export function BasicsSection(props: { basics: Basics; groups: ProductDefinition["groups"]; published: boolean; onChange: (basics: Basics) => void }) {
  const { basics } = props;
  const set = (patch: Partial<Basics>) => props.onChange({ ...basics, ...patch });
  const layers = Object.entries(basics.preview?.layers ?? {});
  const setLayers = (entries: [string, string][]) => set({ preview: entries.length > 0 ? { layers: Object.fromEntries(entries) } : undefined });
  const roles = PREVIEW_ROLES[basics.productType] ?? GENERIC_ROLES;
  const unusedRole = roles.find((role) => !layers.some(([used]) => used === role));
  return (
    <div className="space-y-5">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField path="name" label="Name" value={basics.name} onChange={(name) => set({ name })} />
        <TextField
          path="slug"
          label="Slug (address)"
          hint={props.published ? "The catalogue address; a change takes effect when you publish." : "The catalogue address: /catalogue/<factory>/<slug>."}
          value={basics.slug}
          onChange={(slug) => set({ slug })}
        />
        <TextField path="description" label="Description (optional)" multiline className="sm:col-span-2" value={basics.description} onChange={(description) => set({ description: description || undefined })} />
        <TextField path="productType" label="Product type" hint="Picks the preview and prefixes the job family (fridge, washer, shirt …)." list="product-types" value={basics.productType} onChange={(productType) => set({ productType })} />
        <datalist id="product-types">
          {Object.keys(PREVIEW_ROLES).map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <div className="grid grid-cols-2 gap-3">
          <TextField path="currency" label="Currency" value={basics.currency} onChange={(currency) => set({ currency: currency.toUpperCase() })} />
          <MoneyField path="basePrice" label="Base price" currency={basics.currency} value={basics.basePrice} onChange={(basePrice) => set({ basePrice: basePrice ?? Number.NaN })} />
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Preview layers</legend>
        <p className="text-sm text-slate-600">Which group the {basics.productType} picture draws for each role ({roles.join(", ")}).</p>
        {layers.map(([role, group], index) => (
          <div key={index} className="flex items-end gap-3">
            <TextField path={`preview.layers.${role}.role`} label={`Role ${index + 1}`} className="w-48" value={role} onChange={(next) => setLayers(layers.map((entry, i) => (i === index ? [next, entry[1]] : entry)))} />
            <SelectField
              path={`preview.layers.${role}`}
              label={`Group for ${role}`}
              className="w-64"
              value={group}
              options={props.groups.map((candidate) => ({ value: candidate.code, label: candidate.label || candidate.code }))}
              onChange={(next) => setLayers(layers.map((entry, i) => (i === index ? [entry[0], next] : entry)))}
            />
            <Button type="button" size="sm" variant="ghost" className="text-red-700" aria-label={`Remove the ${role} layer`} onClick={() => setLayers(layers.filter((_, i) => i !== index))}>
              Remove
            </Button>
          </div>
        ))}
        <PathError path="preview" />
        <Button type="button" size="sm" variant="secondary" onClick={() => setLayers([...layers, [unusedRole ?? `role-${layers.length + 1}`, props.groups[0]?.code ?? ""]])}>
          Add layer
        </Button>
      </fieldset>
    </div>
  );
}
