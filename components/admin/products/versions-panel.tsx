"use client";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ProductVersionEntry } from "./editor-types";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Published versions, newest first: when, by whom, and how many order lines pin each. */
export function VersionsPanel(props: { versions: readonly ProductVersionEntry[]; publishedVersion: number | null; draftVersion: number; draftDiffers: boolean }) {
  return (
    <Card className="space-y-2 p-4">
      <h2 className="text-sm font-semibold">Versions</h2>
      <p className="text-sm text-slate-600">
        The draft becomes version {props.draftVersion} when published
        {props.publishedVersion !== null ? (props.draftDiffers ? "; it differs from the published version." : "; it matches the published version so far.") : "."}
      </p>
      {props.versions.length === 0 ? <p className="text-sm text-slate-500">Never published.</p> : null}
      <ol className="space-y-1 text-sm" data-testid="version-history">
        {props.versions.map((version) => (
          <li key={version.id} className="flex items-baseline justify-between gap-2">
            <span>
              <span className="font-medium">v{version.version}</span> {version.version === props.publishedVersion ? <Badge tone="good">live</Badge> : null}
              <span className="block text-xs text-slate-500">
                {dateFormat.format(new Date(version.publishedAt))} UTC{version.publishedBy ? ` · ${version.publishedBy}` : ""}
              </span>
            </span>
            <span className="text-xs text-slate-500">
              {version.orderItems} order line{version.orderItems === 1 ? "" : "s"}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
