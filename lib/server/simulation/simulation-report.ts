import type { SimulationResult } from "./run-simulation";
import type { OrderOutcome, SimulationMetrics } from "./simulation-metrics";

/**
 * The simulation's report: a self-contained HTML page (inline SVG, no script, no network) and
 * the comparison with a naive fixed lead time. Pure: the same results give the same bytes.
 */

/** Days from the order's day to the day the goods arrived; null while not delivered. */
export function deliveredLeadDays(outcome: OrderOutcome): number | null {
  return outcome.lateDays === null ? null : outcome.promisedLeadDays + outcome.lateDays;
}

/**
 * The shortest fixed lead time that would have kept at least `rate` of these orders (each
 * kept when it arrived within that many days of its order day); null if no lead time does
 * (too many orders never delivered).
 */
export function leadThatKeeps(outcomes: readonly OrderOutcome[], rate: number): { leadDays: number; keptRate: number } | null {
  if (outcomes.length === 0) return null;
  const leads = outcomes.map(deliveredLeadDays).filter((lead): lead is number => lead !== null).sort((a, b) => a - b);
  const needed = Math.ceil(rate * outcomes.length - 1e-9);
  if (needed > leads.length) return null;
  const leadDays = Math.max(1, needed === 0 ? 1 : leads[needed - 1]!);
  return { leadDays, keptRate: leads.filter((lead) => lead <= leadDays).length / outcomes.length };
}

export function naiveLine(keeping: { leadDays: number; keptRate: number } | null, ours: SimulationMetrics): string {
  if (!keeping) return `naive fixed lead keeping the same rate: none (too few orders delivered); ours median_lead_days=${ours.medianLeadDays}`;
  const verdict = ours.medianLeadDays <= keeping.leadDays ? "ours is no longer" : "ours is LONGER";
  return `naive fixed lead keeping the same rate (${pct(ours.keptRate)}): ${keeping.leadDays} days (keeps ${pct(keeping.keptRate)}); ours median_lead_days=${ours.medianLeadDays} (${verdict})`;
}

/** Counts per integer bucket from `from` to `to` (values outside are clamped into the ends). */
export function histogram(values: readonly number[], from: number, to: number): Array<{ bucket: number; count: number }> {
  const buckets = Array.from({ length: to - from + 1 }, (_, index) => ({ bucket: from + index, count: 0 }));
  for (const value of values) buckets[Math.min(to, Math.max(from, Math.round(value))) - from]!.count++;
  return buckets;
}

/** Late orders by the day they were placed (UTC day). */
export function lateByDay(outcomes: readonly OrderOutcome[], days: readonly string[]): number[] {
  return days.map((day) => outcomes.filter((outcome) => !outcome.kept && new Date(outcome.placedAt).toISOString().slice(0, 10) === day).length);
}

function pct(value: number | null): string {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

const COLORS = ["#2563eb", "#d97706", "#059669", "#dc2626", "#7c3aed", "#0891b2", "#be185d", "#4d7c0f", "#92400e", "#475569"];
const WIDTH = 720;
const HEIGHT = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 40 };

type Series = { name: string; values: Array<number | null> };

function axis(labels: readonly string[], max: number, format: (value: number) => string): string {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const y = PAD.top + plotH - (plotH * i) / 4;
    parts.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${PAD.left - 4}" y="${(y + 4).toFixed(1)}" text-anchor="end">${escapeHtml(format((max * i) / 4))}</text>`);
  }
  const step = Math.max(1, Math.ceil(labels.length / 12));
  labels.forEach((label, index) => {
    if (index % step !== 0) return;
    const x = PAD.left + (plotW * (index + 0.5)) / labels.length;
    parts.push(`<text x="${x.toFixed(1)}" y="${HEIGHT - PAD.bottom + 14}" text-anchor="middle">${escapeHtml(label)}</text>`);
  });
  return parts.join("");
}

function legend(series: readonly Series[]): string {
  return series
    .map((entry, index) => `<span class="key"><i style="background:${COLORS[index % COLORS.length]}"></i>${escapeHtml(entry.name)}</span>`)
    .join(" ");
}

/** Grouped bars, one group per label. */
export function barChart(title: string, labels: readonly string[], series: readonly Series[], format: (value: number) => string = String): string {
  // Counts: a top that four grid lines divide into whole numbers.
  const max = Math.ceil(Math.max(1, ...series.flatMap((entry) => entry.values.map((value) => value ?? 0))) / 4) * 4;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const group = plotW / Math.max(1, labels.length);
  const bar = (group * 0.8) / Math.max(1, series.length);
  const bars = series.flatMap((entry, s) =>
    entry.values.map((value, index) => {
      if (!value) return "";
      const h = (plotH * value) / max;
      const x = PAD.left + group * index + group * 0.1 + bar * s;
      return `<rect x="${x.toFixed(1)}" y="${(PAD.top + plotH - h).toFixed(1)}" width="${Math.max(0.5, bar - 0.5).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[s % COLORS.length]}"><title>${escapeHtml(`${entry.name} ${labels[index]}: ${format(value)}`)}</title></rect>`;
    }),
  );
  return figure(title, `${axis(labels, max, format)}${bars.join("")}`, series);
}

/** One polyline per series (null values skipped). */
export function lineChart(title: string, labels: readonly string[], series: readonly Series[], max: number, format: (value: number) => string = String): string {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const paths = series.map((entry, s) => {
    let d = "";
    let pen = false;
    entry.values.forEach((value, index) => {
      // A day without production (a weekend) is skipped; the line joins the days around it.
      if (value === null) return;
      const x = PAD.left + (plotW * (index + 0.5)) / labels.length;
      const y = PAD.top + plotH - (plotH * Math.min(value, max)) / max;
      d += `${pen ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)} `;
      pen = true;
    });
    return `<path d="${d.trim()}" fill="none" stroke="${COLORS[s % COLORS.length]}" stroke-width="1.5"/>`;
  });
  return figure(title, `${axis(labels, max, format)}${paths.join("")}`, series);
}

function figure(title: string, body: string, series: readonly Series[]): string {
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(title)}">${body}</svg><div class="legend">${legend(series)}</div></figure>`;
}

export type ReportInput = {
  ours: SimulationResult;
  /** The same seed with a naive fixed lead time (absent when the run skipped it). */
  comparison: { naive: SimulationResult; naiveLead: number; keeping: { leadDays: number; keptRate: number } | null } | null;
};

export function simulationReportHtml({ ours, comparison }: ReportInput): string {
  const naive = comparison?.naive ?? null;
  const naiveLead = comparison?.naiveLead ?? 0;
  const others = (...series: Series[]) => (naive ? series : []);
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  const errors = (result: SimulationResult) => result.outcomes.filter((outcome) => outcome.lateDays !== null).map((outcome) => outcome.lateDays!);
  const both = (values: (result: SimulationResult) => number[]) => [...values(ours), ...(naive ? values(naive) : [])];
  const errorRange = { from: Math.max(-20, Math.min(0, ...both(errors))), to: Math.min(20, Math.max(1, ...both(errors))) };
  const errorHist = (result: SimulationResult) => histogram(errors(result), errorRange.from, errorRange.to);
  const leads = (result: SimulationResult) => result.outcomes.map((outcome) => outcome.promisedLeadDays);
  const delivered = (result: SimulationResult) => result.outcomes.map(deliveredLeadDays).filter((lead): lead is number => lead !== null);
  const leadTo = Math.min(60, Math.max(1, ...both(leads), ...delivered(ours)));
  const leadHist = (values: number[]) => histogram(values, 0, leadTo).map((entry) => entry.count);
  const measuredFrom = new Date(Date.parse(ours.config.start) + ours.config.warmupDays * 86_400_000).toISOString().slice(0, 10);
  const measuredTo = new Date(Date.parse(measuredFrom) + ours.config.days * 86_400_000).toISOString().slice(0, 10);
  const days = ours.dailyUtilization.map((entry) => entry.day).filter((day) => day >= measuredFrom && day < measuredTo);
  const lineCodes = Object.keys(ours.dailyUtilization[0]?.lines ?? {}).sort();
  const row = (label: string, result: SimulationResult) =>
    `<tr><th>${escapeHtml(label)}</th><td>${result.metrics.orders}</td><td>${pct(result.metrics.keptRate)}</td><td>${result.metrics.medianLeadDays}</td><td>${result.metrics.lateOrders}</td><td>${result.metrics.undelivered}</td><td>${pct(result.metrics.utilization)}</td><td>${pct(result.metrics.setupShare)}</td><td>${pct(result.metrics.oee)}</td></tr>`;
  const counts = Object.entries(ours.counts)
    .map(([key, value]) => `${escapeHtml(key)}=${value}`)
    .join(" · ");
  const config = ours.config;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tailorline simulation — seed ${escapeHtml(config.seed)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;color:#111827;margin:24px auto;max-width:780px;padding:0 12px}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e5e7eb;padding:4px 6px;text-align:right}th:first-child{text-align:left}
code,pre{font:12px ui-monospace,monospace;background:#f3f4f6;padding:2px 4px}pre{padding:8px;white-space:pre-wrap}
figure{margin:16px 0}figcaption{font-weight:600;margin-bottom:4px}svg text{font-size:10px;fill:#4b5563}
.legend{font-size:12px}.key{margin-right:12px}.key i{display:inline-block;width:10px;height:10px;margin-right:4px}
.muted{color:#6b7280}
</style></head><body>
<h1>Tailorline simulation — seed ${escapeHtml(config.seed)}</h1>
<p>${config.days} measured days from ${escapeHtml(new Date(Date.parse(config.start) + config.warmupDays * 86_400_000).toISOString().slice(0, 10))} (after ${config.warmupDays} warm-up days),
${ours.ordersPerDay} orders a day over the demo catalogue: a planned load of ${percent(ours.plannedLoad)} of ${ours.capacityMinutesPerDay} line-minutes a day.
A promise is kept when the goods arrive by the date given when the order was placed.
Utilization, setup share and OEE are measured while the factory makes the measured orders: from ${escapeHtml(ours.factoryMeasured.from)} until ${escapeHtml(ours.factoryMeasured.to)}
(the measured days shifted by the median ${ours.factoryMeasured.lagDays} days from order to finished goods).</p>
<pre>capable-to-promise: ${escapeHtml(ours.summary)}
${naive ? `naive fixed lead ${naiveLead} d: ${escapeHtml(naive.summary)}\n${escapeHtml(naiveLine(comparison!.keeping, ours.metrics))}` : "(no naive run)"}</pre>
<table><thead><tr><th>promise</th><th>orders</th><th>kept</th><th>median lead (d)</th><th>late</th><th>undelivered</th><th>utilization</th><th>setup share</th><th>OEE</th></tr></thead>
<tbody>${row("capable-to-promise", ours)}${naive ? row(`naive, ${naiveLead} days`, naive) : ""}</tbody></table>
<h2>Promise error</h2>
${barChart(
  "Days between the promised date and the arrival (negative: early, positive: late)",
  errorHist(ours).map((entry) => String(entry.bucket)),
  [
    { name: "capable-to-promise", values: errorHist(ours).map((entry) => entry.count) },
    ...others({ name: `naive ${naiveLead} d`, values: naive ? errorHist(naive).map((entry) => entry.count) : [] }),
  ],
)}
<h2>Lead days</h2>
${barChart(
  "Orders by lead days: promised, and delivered (order day → arrival)",
  histogram([], 0, leadTo).map((entry) => String(entry.bucket)),
  [
    { name: "promised, capable-to-promise", values: leadHist(leads(ours)) },
    { name: "delivered, capable-to-promise", values: leadHist(delivered(ours)) },
    ...others({ name: `promised, naive ${naiveLead} d`, values: naive ? leadHist(leads(naive)) : [] }),
  ],
)}
<h2>Utilization per line</h2>
${lineChart(
  `Share of each line's production minutes spent running or setting up, per day of the whole capable-to-promise run (orders measured from ${measuredFrom} until ${measuredTo}; before: warm-up, after: the factory finishing the measured orders)`,
  ours.dailyUtilization.map((entry) => entry.day.slice(5)),
  lineCodes.map((code) => ({ name: code, values: ours.dailyUtilization.map((entry) => entry.lines[code] ?? null) })),
  1,
  percent,
)}
<h2>Late orders per day</h2>
${barChart(
  "Orders placed that day that arrived after their promised date",
  days.map((day) => day.slice(5)),
  [
    { name: "capable-to-promise", values: lateByDay(ours.outcomes, days) },
    ...others({ name: `naive ${naiveLead} d`, values: naive ? lateByDay(naive.outcomes, days) : [] }),
  ],
)}
<h2>Run</h2>
<p class="muted">${counts}<br>simulated until ${escapeHtml(ours.simulatedUntil)} · solve iterations ${config.solveIterations} · repair iterations ${config.repairIterations}</p>
</body></html>
`;
}
