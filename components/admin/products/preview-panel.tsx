"use client";

import { formatMoney } from "@/lib/core/money/format-money";
import { Card } from "@/components/ui/card";
import type { DefaultsPreview } from "./check-draft-live";

/** The draft as a consumer first sees it: the defaults' picture, price and job, live. */
export function PreviewPanel({ preview, name }: { preview: DefaultsPreview | null; name: string }) {
  return (
    <Card className="overflow-hidden">
      <div className="flex aspect-[4/3] items-center justify-center bg-gradient-to-b from-slate-50 to-slate-100 p-3">
        {preview ? (
          <div role="img" aria-label={`Preview of ${name} with its defaults`} className="h-full w-full [&>svg]:h-full [&>svg]:w-full" data-testid="draft-preview" dangerouslySetInnerHTML={{ __html: preview.svg }} />
        ) : (
          <p className="px-6 text-center text-sm text-slate-500">No preview while the document has errors.</p>
        )}
      </div>
      {preview ? (
        <dl className="grid grid-cols-2 gap-x-3 gap-y-1 p-4 text-sm">
          <dt className="text-slate-600">Default price</dt>
          <dd className="text-right font-medium" data-testid="draft-default-price">
            {formatMoney(preview.unitPrice, preview.currency)}
          </dd>
          <dt className="text-slate-600">Defaults complete</dt>
          <dd className="text-right">{preview.complete ? "yes" : "no — a required group has no default"}</dd>
          <dt className="text-slate-600">Job family</dt>
          <dd className="text-right font-mono text-xs">{preview.family}</dd>
          <dt className="text-slate-600">Minutes per unit</dt>
          <dd className="text-right">{preview.minutesPerUnit}</dd>
        </dl>
      ) : null}
    </Card>
  );
}
