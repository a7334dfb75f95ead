"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { useLiveRoom } from "@/components/live/live-socket";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { JobProgressBar } from "./job-progress-bar";
import type { LineDetail } from "./line-detail-types";
import type { JobPatchEvent, LinePatchEvent } from "./line-live-types";
import { LineStatusBadges, timeAgo } from "./line-status-badges";
import { useNow } from "./use-now";

type CommandKind = "start" | "pause" | "resume" | "abort" | "resync";

/**
 * A line's live page body: status, the job on the line with its progress, the queue with the
 * planner's commands, recent commands and events. Line and job events are merged at once;
 * anything structural (a command's answer, a job ending) refetches, at most once a second.
 */
export function LineLivePanel({ initial, canCommand }: { initial: LineDetail; canCommand: boolean }) {
  const queryClient = useQueryClient();
  const key = ["line", initial.line.id];
  const detail = useQuery({ queryKey: key, queryFn: () => apiFetch<LineDetail>(`/api/lines/${initial.line.id}`), initialData: initial, staleTime: 30_000 });
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetchSoon = () => {
    if (refetchTimer.current) return;
    refetchTimer.current = setTimeout(() => {
      refetchTimer.current = null;
      void queryClient.invalidateQueries({ queryKey: key });
    }, 1_000);
  };
  useLiveRoom(`line:${initial.line.id}`, ["line.updated", "job.updated", "line.command"], {
    onEvent: (event, payload) => {
      if (event === "line.updated") {
        const { lineId: _lineId, ...patch } = payload as LinePatchEvent;
        queryClient.setQueryData<LineDetail>(key, (data) => data && (patch.lastSeq !== undefined && patch.lastSeq < data.line.lastSeq ? data : { ...data, line: { ...data.line, ...patch } }));
        return refetchSoon();
      }
      if (event === "job.updated") {
        const job = payload as JobPatchEvent;
        queryClient.setQueryData<LineDetail>(key, (data) => data && { ...data, queue: data.queue.map((entry) => (entry.id === job.jobId ? { ...entry, ...job, id: entry.id } : entry)) });
      }
      refetchSoon();
    },
  });
  const now = useNow();
  const [commandError, setCommandError] = useState<string>();
  const command = useMutation({
    mutationFn: (input: { kind: CommandKind; jobId: string | null }) => apiFetch(`/api/lines/${initial.line.id}/commands`, { method: "POST", body: JSON.stringify(input) }),
    onMutate: () => setCommandError(undefined),
    onError: (error) => setCommandError(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const { line, queue, events, commands } = detail.data;
  const current = queue.find((job) => job.status === "running");

  const commandButton = (kind: CommandKind, jobId: string | null, label: string, variant: "secondary" | "danger" = "secondary") =>
    canCommand ? (
      <Button size="sm" variant={variant} disabled={command.isPending || !line.online} onClick={() => command.mutate({ kind, jobId })}>
        {label}
      </Button>
    ) : null;

  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-center justify-between gap-3 p-4">
        <div className="space-y-1">
          <LineStatusBadges line={line} />
          <div className="text-xs text-slate-500">
            {line.statusReason ? `${line.statusReason} · ` : ""}last event {timeAgo(line.lastEventAt, now)} · seq {line.lastSeq}
            {line.ackedPlanVersion !== null ? ` · runs plan v${line.ackedPlanVersion}` : ""}
            {line.agentVersion ? ` · agent ${line.agentVersion} (session ${line.agentSession})` : ""}
          </div>
        </div>
        {commandButton("resync", null, "Resync")}
      </Card>
      {commandError ? <Alert tone="error">{commandError}</Alert> : null}
      <Card className="p-4">
        <h2 className="mb-2 font-semibold">On the line</h2>
        {current ? (
          <div className="space-y-2" data-testid="current-job">
            <div className="flex items-center justify-between">
              <span className="font-medium">{current.code}</span>
              <span className="flex gap-2">
                {current.interrupted ? commandButton("resume", current.id, "Resume") : commandButton("pause", current.id, "Pause")}
                {commandButton("abort", current.id, "Abort", "danger")}
              </span>
            </div>
            <JobProgressBar {...current} />
            {current.interruptCause ? <div className="text-xs text-amber-700">{current.interruptCause}</div> : null}
          </div>
        ) : (
          <div className="text-sm text-slate-500">No job is running.</div>
        )}
      </Card>
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="px-4 py-2 text-left font-semibold">Queue</caption>
          <thead className="border-y border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Job</th>
              <th className="px-4 py-2">Family</th>
              <th className="px-4 py-2">Planned</th>
              <th className="px-4 py-2">Setup</th>
              <th className="px-4 py-2">
                <span className="sr-only">Commands</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queue.filter((job) => job.status === "queued").map((job) => (
              <tr key={job.id} className="border-b border-slate-100" data-testid="queue-row">
                <td className="px-4 py-2 font-medium">{job.code}</td>
                <td className="px-4 py-2">{job.family}</td>
                <td className="px-4 py-2 text-slate-600">{job.start ? `${new Date(job.start).toLocaleString()} → ${job.end ? new Date(job.end).toLocaleTimeString() : "?"}` : "—"}</td>
                <td className="px-4 py-2 text-slate-600">{job.setupMinutes ? `${job.setupMinutes} min` : "—"}</td>
                <td className="px-4 py-2 text-right">
                  <span className="flex justify-end gap-2">
                    {current ? null : commandButton("start", job.id, "Start")}
                    {commandButton("abort", job.id, "Abort", "danger")}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {queue.every((job) => job.status !== "queued") ? <div className="px-4 pb-4 text-sm text-slate-500">Nothing queued.</div> : null}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="p-4">
          <h2 className="mb-2 font-semibold">Commands</h2>
          <ul className="space-y-1 text-sm" data-testid="line-commands">
            {commands.length === 0 ? <li className="text-slate-500">None yet.</li> : null}
            {commands.map((item) => (
              <li key={item.id} className="flex items-center justify-between gap-2">
                <span>
                  {item.kind} {item.jobId ? queue.find((job) => job.id === item.jobId)?.code ?? "" : ""}
                  {item.reason ? <span className="text-xs text-slate-500"> — {item.reason}</span> : null}
                </span>
                <Badge tone={item.status === "done" ? "good" : item.status === "accepted" || item.status === "sent" ? "info" : "bad"}>{item.status.replace("_", " ")}</Badge>
              </li>
            ))}
          </ul>
        </Card>
        <Card className="p-4">
          <h2 className="mb-2 font-semibold">Recent events</h2>
          <ul className="max-h-72 space-y-1 overflow-y-auto font-mono text-xs" data-testid="line-events">
            {events.map((event) => (
              <li key={event.seq}>
                #{event.seq} {new Date(event.agentAt).toLocaleTimeString()} {event.type} {describe(event.payload)}
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}

function describe(payload: unknown): string {
  const p = (payload ?? {}) as Record<string, unknown>;
  if (typeof p.status === "string") return `${p.status}${p.reason ? ` (${p.reason})` : ""}`;
  if (typeof p.percent === "number") return `${p.percent} % · ${p.good} good · ${p.scrap} scrap`;
  if (typeof p.reason === "string") return String(p.reason);
  return "";
}
