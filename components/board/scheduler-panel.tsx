"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { Board } from "./board-types";

export type RunProgress = {
  runId: string;
  objective?: { unscheduled: number; weightedTardiness: number; setupMinutes: number; makespan: number };
  iterations: number;
  elapsedMs: number;
  timeLimitMs: number;
  by?: string;
};

/** Run (with live progress and Stop), review the proposal (accept / discard), publish. */
export function SchedulerPanel({ board, progress, onNotice }: { board: Board; progress: RunProgress | null; onNotice: (notice: { tone: "error" | "success" | "info"; text: string } | null) => void }) {
  const queryClient = useQueryClient();
  const [seconds, setSeconds] = useState(board.schedulerTimeLimitSeconds);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["board"] });
  const fail = (error: Error) => onNotice({ tone: "error", text: error.message });
  const run = useMutation({ mutationFn: () => apiFetch("/api/board/scheduler-runs", { method: "POST", body: JSON.stringify({ timeLimitSeconds: seconds }) }), onError: fail, onSettled: refresh });
  const stop = useMutation({ mutationFn: () => apiFetch("/api/board/scheduler-runs/current", { method: "DELETE" }), onError: fail });
  const decide = useMutation({
    mutationFn: (decision: "accept" | "discard") => apiFetch<{ changed: number }>(`/api/board/proposals/${board.proposal!.id}`, { method: "POST", body: JSON.stringify({ decision }) }),
    onSuccess: (result, decision) => onNotice({ tone: "success", text: decision === "accept" ? `Proposal accepted: ${result.changed} job(s) changed. Publish to send it to the lines.` : "Proposal discarded." }),
    onError: fail,
    onSettled: refresh,
  });
  const publish = useMutation({
    mutationFn: () => apiFetch<{ version: number; deliveries: Array<{ code: string; delivered: boolean; acked?: boolean }> }>("/api/board/publish", { method: "POST", body: "{}" }),
    onSuccess: (result) => {
      const acked = result.deliveries.filter((delivery) => delivery.delivered && delivery.acked).length;
      onNotice({ tone: "success", text: `Plan v${result.version} published: ${acked} of ${result.deliveries.length} lines acknowledged it (offline lines get it when they connect).` });
    },
    onError: fail,
    onSettled: refresh,
  });
  const busy = progress !== null || (board.running?.kind === "run" && !progress);
  const share = progress && progress.timeLimitMs > 0 ? Math.min(1, progress.elapsedMs / progress.timeLimitMs) : 0;

  return (
    <Card className="flex flex-wrap items-center gap-3 p-3" data-testid="scheduler-panel">
      {busy ? (
        <div className="flex min-w-72 flex-1 items-center gap-3" data-testid="scheduler-progress">
          <div className="flex-1">
            <div className="text-sm font-medium">
              Scheduler running{progress?.by ? ` (started by ${progress.by})` : board.running?.by ? ` (started by ${board.running.by})` : ""}…
            </div>
            <div className="mt-1 h-1.5 overflow-hidden rounded bg-slate-100">
              <div className="h-full bg-brand-500 transition-[width]" style={{ width: `${Math.round(share * 100)}%` }} />
            </div>
            {progress?.objective ? (
              <div className="mt-1 text-xs text-slate-600">
                best so far: {progress.objective.unscheduled} unplaced · {Math.round(progress.objective.weightedTardiness)} weighted min late · {progress.objective.setupMinutes} setup min · {progress.iterations.toLocaleString()} steps
              </div>
            ) : null}
          </div>
          <Button variant="secondary" size="sm" onClick={() => stop.mutate()} disabled={stop.isPending}>
            Stop
          </Button>
        </div>
      ) : (
        <div className="flex items-center gap-2">
          <Button onClick={() => run.mutate()} disabled={run.isPending}>
            Run scheduler
          </Button>
          <label className="flex items-center gap-1 text-xs text-slate-600">
            for
            <select className="h-8 rounded-md border border-slate-300 px-1 text-sm" value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} aria-label="Scheduler time limit">
              {[3, 5, 10, 20, 30, 60].map((value) => (
                <option key={value} value={value}>
                  {value} s
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {board.proposal ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-1.5 text-sm" data-testid="proposal">
          <span>
            {board.proposal.source === "repair" ? "Repair proposal" : "Proposal"}
            {board.proposal.by ? ` by ${board.proposal.by}` : ""}
            {board.proposal.unscheduledJobs ? ` · ${board.proposal.unscheduledJobs} job(s) could not be placed` : ""}
          </span>
          <Button size="sm" onClick={() => decide.mutate("accept")} disabled={decide.isPending}>
            Accept
          </Button>
          <Button size="sm" variant="secondary" onClick={() => decide.mutate("discard")} disabled={decide.isPending}>
            Discard
          </Button>
        </div>
      ) : null}
      <div className="ml-auto">
        <Button variant="secondary" onClick={() => publish.mutate()} disabled={publish.isPending || busy}>
          {publish.isPending ? "Publishing…" : "Publish plan"}
        </Button>
      </div>
    </Card>
  );
}
