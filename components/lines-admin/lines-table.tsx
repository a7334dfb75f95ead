"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { apiFetch } from "@/components/api-fetch";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { LineList } from "@/lib/core/lines/line-admin-views";

const STATUS_TONE = { running: "good", idle: "neutral", down: "bad", maintenance: "warn" } as const;

function shiftTime(start: number, end: number, timeZone: string): string {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${time.format(start)}–${time.format(end)}`;
}

/** The factory's lines: what each can do, how fast, in which zone, and its next shifts. */
export function LinesTable({ initial }: { initial: LineList }) {
  const list = useQuery({ queryKey: ["lines-admin"], queryFn: () => apiFetch<LineList>("/api/admin/lines"), initialData: initial });
  const lines = list.data.lines;
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Lines with their capabilities, speed, time zone and next shifts</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">Line</th>
            <th scope="col" className="px-4 py-2">Capabilities</th>
            <th scope="col" className="px-4 py-2">Speed</th>
            <th scope="col" className="px-4 py-2">Time zone</th>
            <th scope="col" className="px-4 py-2">Next shifts (local time)</th>
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 ? (
            <tr>
              <td colSpan={5} className="px-4 py-6 text-slate-500">
                No line yet.
              </td>
            </tr>
          ) : null}
          {lines.map((line) => (
            <tr key={line.id} className="border-b border-slate-100 align-top" data-testid={`line-settings-row-${line.code}`}>
              <td className="px-4 py-3">
                <Link href={`/lines/manage/${line.id}`} className="font-medium text-brand-600 hover:underline">
                  {line.code}
                </Link>
                <div className="text-xs text-slate-500">{line.name}</div>
                <div className="mt-1">
                  <Badge tone={STATUS_TONE[line.status]}>{line.status}</Badge>
                </div>
              </td>
              <td className="px-4 py-3">
                <ul className="flex max-w-sm flex-wrap gap-1" aria-label={`Capabilities of ${line.code}`}>
                  {line.capabilities.map((capability) => (
                    <li key={capability}>
                      <Badge>{capability}</Badge>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-4 py-3 tabular-nums">×{line.speed}</td>
              <td className="px-4 py-3">{line.timeZone}</td>
              <td className="px-4 py-3">
                {line.nextShifts.length === 0 ? (
                  <span className="text-slate-500">{line.shiftCount === 0 ? "No weekly shifts" : "None in the next two weeks"}</span>
                ) : (
                  <ul className="space-y-0.5">
                    {line.nextShifts.map((shift) => (
                      <li key={shift.start}>
                        {shift.label} <span className="tabular-nums text-slate-600">{shiftTime(shift.start, shift.end, line.timeZone)}</span>
                        {shift.stoppedMinutes > 0 ? <span className="text-xs text-amber-700"> · {Math.round(shift.stoppedMinutes)} min stopped</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
