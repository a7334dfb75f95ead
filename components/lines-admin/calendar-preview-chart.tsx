import type { CalendarPreview } from "@/lib/core/lines/calendar-preview";
import { Card } from "@/components/ui/card";

const HOURS = [6, 12, 18];
const pct = (fraction: number) => `${fraction * 100}%`;

/**
 * The next two weeks as the scheduler will plan them: one bar per local day, production windows
 * in blue (extra shifts in green), holidays and maintenance hatched over them. A day that is not
 * 24 hours long (daylight saving) says so.
 */
export function CalendarPreviewChart({ preview }: { preview: CalendarPreview }) {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: preview.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const span = (start: number, end: number) => `${time.format(start)}–${time.format(end)}`;
  return (
    <Card className="space-y-3 p-5" aria-labelledby="preview-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id="preview-title" className="font-semibold">
            The next two weeks
          </h2>
          <p className="text-sm text-slate-600">Production time the scheduler gets, in {preview.timeZone} time.</p>
        </div>
        <div className="flex flex-wrap gap-3 text-xs text-slate-600" aria-hidden>
          <span className="flex items-center gap-1"><span className="h-3 w-3 rounded-sm bg-sky-500" /> shift</span>
          <span className="flex items-center gap-1"><span className="h-3 w-3 rounded-sm bg-emerald-500" /> extra shift</span>
          <span className="flex items-center gap-1"><span className="h-3 w-3 rounded-sm bg-[repeating-linear-gradient(45deg,#f87171_0,#f87171_2px,transparent_2px,transparent_5px)] ring-1 ring-red-300" /> holiday / maintenance</span>
        </div>
      </div>
      <ol className="space-y-1" data-testid="calendar-preview">
        {preview.days.map((day) => {
          const summary = day.windows.length === 0 ? "no production" : day.windows.map((window) => span(window.start, window.end)).join(", ");
          const stops = day.stops.map((stop) => `${stop.kind}${stop.note ? ` (${stop.note})` : ""}`).join(", ");
          return (
            <li key={day.date} className="grid grid-cols-[6.5rem_1fr_3.5rem] items-center gap-2 text-sm" data-testid={`preview-day-${day.date}`}>
              <span className={day.weekday >= 5 ? "text-slate-500" : ""}>
                {day.label}
                {day.hours !== 24 ? <span className="ml-1 text-[10px] text-amber-700" title="daylight-saving change">{day.hours} h</span> : null}
              </span>
              <span className="sr-only">
                {summary}
                {stops ? `; ${stops}` : ""}
              </span>
              <div className="relative h-5 rounded bg-slate-100" aria-hidden>
                {HOURS.map((hour) => (
                  <span key={hour} className="absolute inset-y-0 border-l border-slate-200" style={{ left: pct(hour / 24) }} />
                ))}
                {day.windows.map((window) => (
                  <span key={window.start} className={`absolute inset-y-0.5 rounded-sm ${window.extra ? "bg-emerald-500" : "bg-sky-500"}`} style={{ left: pct(window.left), width: pct(window.width) }} title={span(window.start, window.end)} />
                ))}
                {day.stops.map((stop) => (
                  <span
                    key={`${stop.start}-${stop.kind}`}
                    className="absolute inset-y-0 bg-[repeating-linear-gradient(45deg,#f8717199_0,#f8717199_2px,transparent_2px,transparent_5px)]"
                    style={{ left: pct(stop.left), width: pct(stop.width) }}
                    title={`${stop.kind}${stop.note ? `: ${stop.note}` : ""} ${span(stop.start, stop.end)}`}
                  />
                ))}
              </div>
              <span className="text-right text-xs tabular-nums text-slate-600">{(day.productionMinutes / 60).toLocaleString("en-GB", { maximumFractionDigits: 1 })} h</span>
            </li>
          );
        })}
      </ol>
      <p className="text-right text-sm text-slate-600">
        Total: <span className="tabular-nums">{(preview.productionMinutes / 60).toLocaleString("en-GB", { maximumFractionDigits: 1 })} h</span>
      </p>
    </Card>
  );
}
