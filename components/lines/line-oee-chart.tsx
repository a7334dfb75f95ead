"use client";

import { useQuery } from "@tanstack/react-query";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { apiFetch } from "@/components/api-fetch";
import { Card } from "@/components/ui/card";

type ShiftOee = {
  label: string;
  start: string;
  inProgress: boolean;
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
  good: number;
  scrap: number;
  runMs: number;
  plannedMs: number;
};

const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** OEE per shift of one line (availability × performance × quality), from its events. */
export function LineOeeChart({ lineId }: { lineId: string }) {
  const oee = useQuery({
    queryKey: ["line-oee", lineId],
    queryFn: () => apiFetch<{ shifts: ShiftOee[]; timeZone: string }>(`/api/lines/${lineId}/oee?days=3`),
    refetchInterval: 60_000,
  });
  const rows = (oee.data?.shifts ?? []).map((shift) => ({
    label: shift.inProgress ? `${shift.label} (now)` : shift.label,
    availability: percent(shift.availability),
    performance: percent(shift.performance),
    quality: percent(shift.quality),
    oee: percent(shift.oee),
  }));
  const latest = oee.data?.shifts.at(-1);
  return (
    <Card className="p-4" data-testid="oee-chart">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">OEE per shift</h2>
        {latest ? (
          <div className="text-sm text-slate-600">
            {latest.label}: OEE <strong>{latest.oee === null ? "—" : `${percent(latest.oee)} %`}</strong> · {latest.good} good · {latest.scrap} scrap
          </div>
        ) : null}
      </div>
      {oee.isLoading ? <div className="text-sm text-slate-500">Loading…</div> : null}
      {oee.data && rows.length === 0 ? <div className="text-sm text-slate-500">No shift in the last 3 days.</div> : null}
      {rows.length > 0 ? (
        <div className="h-72 w-full">
          <ResponsiveContainer>
            <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
              <YAxis domain={[0, 100]} unit=" %" tick={{ fontSize: 11 }} width={48} />
              <Tooltip formatter={(value) => (value === null || value === undefined ? "—" : `${value} %`)} />
              <Legend />
              <Bar dataKey="availability" name="Availability" fill="#38bdf8" />
              <Bar dataKey="performance" name="Performance" fill="#a78bfa" />
              <Bar dataKey="quality" name="Quality" fill="#34d399" />
              <Line dataKey="oee" name="OEE" stroke="#0f172a" strokeWidth={2} dot />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <p className="mt-2 text-xs text-slate-500">
        Availability = running time / planned time (shifts less holidays and maintenance); performance = ideal time of the units made / running time; quality = good / all units.
      </p>
    </Card>
  );
}

