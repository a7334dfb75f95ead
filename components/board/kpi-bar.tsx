import type { PlanKpis } from "@/lib/core/planning/plan-kpis";

function Delta({ value, better }: { value: number; better: "lower" | "higher" }) {
  if (value === 0) return null;
  const good = better === "lower" ? value < 0 : value > 0;
  return <span className={`ml-1 text-xs ${good ? "text-emerald-700" : "text-red-700"}`}>{value > 0 ? `+${value}` : value}</span>;
}

/** The plan's figures, and how a proposal would change them. */
export function KpiBar({ kpis, proposal }: { kpis: PlanKpis; proposal: PlanKpis | null }) {
  const utilization = Object.values(kpis.utilization);
  const average = utilization.length ? utilization.reduce((a, b) => a + b, 0) / utilization.length : 0;
  const proposalAverage = proposal ? Object.values(proposal.utilization).reduce((a, b) => a + b, 0) / Math.max(1, Object.values(proposal.utilization).length) : 0;
  const items = [
    { label: "Planned jobs", value: kpis.plannedJobs, delta: proposal ? proposal.plannedJobs - kpis.plannedJobs : 0, better: "higher" as const },
    { label: "Late jobs", value: kpis.lateJobs, delta: proposal ? proposal.lateJobs - kpis.lateJobs : 0, better: "lower" as const, testId: "kpi-late" },
    { label: "Weighted tardiness (min)", value: kpis.weightedTardiness, delta: proposal ? proposal.weightedTardiness - kpis.weightedTardiness : 0, better: "lower" as const },
    { label: "Setup minutes", value: kpis.setupMinutes, delta: proposal ? proposal.setupMinutes - kpis.setupMinutes : 0, better: "lower" as const },
    { label: "On time", value: `${Math.round(kpis.onTimeRate * 100)}%`, delta: proposal ? Math.round((proposal.onTimeRate - kpis.onTimeRate) * 100) : 0, better: "higher" as const },
    { label: "Utilization", value: `${Math.round(average * 100)}%`, delta: proposal ? Math.round((proposalAverage - average) * 100) : 0, better: "higher" as const },
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" aria-label="Plan figures">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-slate-200 bg-white px-3 py-2" data-testid={item.testId}>
          <dt className="text-[11px] uppercase tracking-wide text-slate-500">{item.label}</dt>
          <dd className="text-lg font-semibold">
            {item.value}
            {proposal ? <Delta value={item.delta} better={item.better} /> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
