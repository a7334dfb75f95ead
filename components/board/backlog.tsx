"use client";

import { useMemo, useState } from "react";
import type { BoardJobDetails, PlanningJob } from "./board-types";
import { familyColor } from "./timeline-scale";

const dueFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/**
 * Jobs not on a line: ready ones (drag them onto the chart) and those still waiting for parts,
 * filterable. Dropping a bar here takes it off its line.
 */
export function Backlog({ dropZoneRef, ...props }: {
  jobs: PlanningJob[];
  details: Record<string, BoardJobDetails>;
  dropActive: boolean;
  onPointerDown: (job: PlanningJob, event: React.PointerEvent) => void;
  onOpen: (job: PlanningJob) => void;
  dropZoneRef: React.RefObject<HTMLElement | null>;
}) {
  const [filter, setFilter] = useState({ text: "", status: "ready" as "ready" | "waiting_parts" | "all" });
  const rows = useMemo(() => {
    const text = filter.text.toLowerCase();
    return props.jobs
      .filter((job) => job.lineId === null && (job.status === "ready" || job.status === "waiting_parts"))
      .filter((job) => filter.status === "all" || job.status === filter.status)
      .filter((job) => !text || `${job.code} ${job.family} ${props.details[job.id]?.orderNumber ?? ""} ${props.details[job.id]?.productName ?? ""}`.toLowerCase().includes(text))
      .sort((a, b) => a.due - b.due);
  }, [props.jobs, props.details, filter]);
  const counts = {
    ready: props.jobs.filter((job) => job.lineId === null && job.status === "ready").length,
    waiting: props.jobs.filter((job) => job.status === "waiting_parts").length,
  };
  return (
    <section
      ref={dropZoneRef}
      aria-label="Backlog"
      className={`flex max-h-[calc(100vh-20rem)] min-h-[24rem] flex-col rounded-xl border bg-white ${props.dropActive ? "border-brand-500 ring-2 ring-brand-100" : "border-slate-200"}`}
      data-testid="backlog"
    >
      <div className="space-y-2 border-b border-slate-100 p-3">
        <h2 className="text-sm font-semibold">
          Backlog <span className="font-normal text-slate-500">· {counts.ready} ready · {counts.waiting} waiting for parts</span>
        </h2>
        <div className="flex gap-2">
          <input className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 px-2 text-sm" placeholder="Filter" aria-label="Filter backlog" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
          <select className="h-8 rounded-md border border-slate-300 px-1 text-sm" aria-label="Backlog status" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as typeof filter.status })}>
            <option value="ready">Ready</option>
            <option value="waiting_parts">Waiting for parts</option>
            <option value="all">All</option>
          </select>
        </div>
      </div>
      <ul className="flex-1 space-y-1 overflow-y-auto p-2">
        {rows.length === 0 ? <li className="p-4 text-center text-sm text-slate-500">Nothing here.</li> : null}
        {rows.slice(0, 300).map((job) => (
          <li
            key={job.id}
            className={`flex items-center gap-2 rounded-md border border-slate-100 px-2 py-1.5 text-xs ${job.status === "ready" ? "cursor-grab touch-none hover:bg-slate-50" : "opacity-70"}`}
            onPointerDown={job.status === "ready" ? (event) => props.onPointerDown(job, event) : undefined}
            onDoubleClick={() => props.onOpen(job)}
            data-testid={`backlog-${job.code}`}
          >
            <span className="h-3 w-3 shrink-0 rounded-sm" style={{ background: familyColor(job.family) }} />
            <span className="min-w-0 flex-1">
              <span className="font-medium">{job.code}</span> <span className="text-slate-500">{props.details[job.id]?.productName ?? job.family}</span>
              <span className="block text-slate-500">
                due {dueFormat.format(job.due)} · {job.minutes} min{job.status === "waiting_parts" ? " · waiting for parts" : ""}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
