"use client";

import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from "react";
import type { BoardJobDetails, BoardLine, PlanningJob } from "./board-types";
import { familyColor, HEADER_WIDTH, ROW_HEIGHT, timeAt, xOf, ZOOMS, type Zoom } from "./timeline-scale";

const AXIS_HEIGHT = 36;
const RISK_MS = 4 * 3_600_000;

export type Ghost = { lineId: string; start: number; end: number; setupMinutes: number; ok: boolean; message?: string; code: string };
export type GanttHandle = { locate(clientX: number, clientY: number, offsetX: number): { lineId: string; time: number } | null };

type Props = {
  lines: BoardLine[];
  jobs: PlanningJob[];
  details: Record<string, BoardJobDetails>;
  view: { from: number; to: number };
  now: number;
  zoom: Zoom;
  timeZone: string;
  highlighted: ReadonlySet<string>;
  ghost: Ghost | null;
  draggingId: string | null;
  onBarPointerDown: (job: PlanningJob, event: React.PointerEvent, offsetX: number) => void;
  onBarOpen: (job: PlanningJob) => void;
  onLineAction: (line: BoardLine) => void;
};

/**
 * The board's Gantt chart: lines as rows, time across. Rendered by hand and virtualized in
 * time — only the shifts and bars inside the visible stretch (plus a margin) exist in the DOM —
 * so 2,000 jobs on 20 lines scroll and drag smoothly. Rows are memoized: dragging re-renders
 * the ghost, not the chart.
 */
export const Gantt = forwardRef<GanttHandle, Props>(function Gantt(props, ref) {
  const scroller = useRef<HTMLDivElement>(null);
  const { pxPerMinute, tickMinutes } = ZOOMS[props.zoom];
  const width = xOf(props.view.to, props.view.from, pxPerMinute);
  const [visible, setVisible] = useState({ from: props.view.from, to: props.view.from + 2 * 86_400_000 });

  const measure = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const margin = element.clientWidth; // one screen either side
    const from = timeAt(Math.max(0, element.scrollLeft - margin), props.view.from, pxPerMinute, 1);
    const to = timeAt(element.scrollLeft + element.clientWidth + margin, props.view.from, pxPerMinute, 1);
    setVisible((current) => (current.from === from && current.to === to ? current : { from, to }));
  }, [props.view.from, pxPerMinute]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    element.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    measure();
    return () => {
      element.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
      cancelAnimationFrame(frame);
    };
  }, [measure]);

  // Open the board at "now" (a little before it), once per zoom.
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollLeft = Math.max(0, xOf(props.now, props.view.from, pxPerMinute) - 120);
    measure();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.zoom]);

  useImperativeHandle(
    ref,
    () => ({
      locate(clientX, clientY, offsetX) {
        const element = scroller.current;
        if (!element) return null;
        const rect = element.getBoundingClientRect();
        const x = clientX - rect.left + element.scrollLeft - HEADER_WIDTH - offsetX;
        const y = clientY - rect.top + element.scrollTop - AXIS_HEIGHT;
        const row = Math.floor(y / ROW_HEIGHT);
        const line = props.lines[row];
        if (!line || clientX < rect.left + HEADER_WIDTH || clientX > rect.right || clientY < rect.top || clientY > rect.bottom) return null;
        return { lineId: line.id, time: timeAt(x, props.view.from, pxPerMinute) };
      },
    }),
    [props.lines, props.view.from, pxPerMinute],
  );

  const jobsByLine = useMemo(() => {
    const map = new Map<string, PlanningJob[]>();
    for (const job of props.jobs) {
      if (job.lineId === null || job.start === null || job.end === null || job.status === "cancelled") continue;
      map.set(job.lineId, [...(map.get(job.lineId) ?? []), job]);
    }
    return map;
  }, [props.jobs]);

  const ticks = useMemo(() => {
    const list: number[] = [];
    const step = tickMinutes * 60_000;
    for (let t = Math.ceil(visible.from / step) * step; t <= visible.to; t += step) list.push(t);
    return list;
  }, [visible, tickMinutes]);
  const tickFormat = useMemo(
    () =>
      new Intl.DateTimeFormat("en-GB", props.zoom === "week" ? { weekday: "short", day: "numeric", month: "short", timeZone: props.timeZone } : { weekday: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: props.timeZone }),
    [props.zoom, props.timeZone],
  );
  const ghostRow = props.ghost ? props.lines.findIndex((line) => line.id === props.ghost!.lineId) : -1;

  return (
    <div ref={scroller} className="relative h-[calc(100vh-20rem)] min-h-[24rem] overflow-auto rounded-xl border border-slate-200 bg-white" data-testid="gantt">
      <div className="relative" style={{ width: HEADER_WIDTH + width, height: AXIS_HEIGHT + props.lines.length * ROW_HEIGHT }}>
        <div className="sticky top-0 z-20 flex h-9 border-b border-slate-200 bg-white" style={{ width: HEADER_WIDTH + width }}>
          <div className="sticky left-0 z-30 flex w-[200px] shrink-0 items-center border-r border-slate-200 bg-white px-3 text-xs font-medium text-slate-500">
            Lines · {props.timeZone}
          </div>
          <div className="relative flex-1">
            {ticks.map((tick) => (
              <div key={tick} className="absolute top-0 h-full border-l border-slate-200 pl-1 text-[11px] leading-9 whitespace-nowrap text-slate-500" style={{ left: xOf(tick, props.view.from, pxPerMinute) }}>
                {tickFormat.format(tick)}
              </div>
            ))}
          </div>
        </div>

        {props.lines.map((line, index) => (
          <LineRow
            key={line.id}
            line={line}
            top={AXIS_HEIGHT + index * ROW_HEIGHT}
            jobs={jobsByLine.get(line.id) ?? []}
            details={props.details}
            origin={props.view.from}
            pxPerMinute={pxPerMinute}
            visibleFrom={visible.from}
            visibleTo={visible.to}
            highlighted={props.highlighted}
            draggingId={props.draggingId}
            onBarPointerDown={props.onBarPointerDown}
            onBarOpen={props.onBarOpen}
            onLineAction={props.onLineAction}
          />
        ))}

        <div
          aria-hidden
          className="pointer-events-none absolute z-10 w-0.5 bg-rose-500"
          style={{ left: HEADER_WIDTH + xOf(props.now, props.view.from, pxPerMinute), top: AXIS_HEIGHT, height: props.lines.length * ROW_HEIGHT }}
          title="now"
        />

        {props.ghost && ghostRow >= 0 ? (
          <div
            className={`pointer-events-none absolute z-30 rounded border-2 ${props.ghost.ok ? "border-emerald-600 bg-emerald-400/40" : "border-red-600 bg-red-400/30"}`}
            style={{
              left: HEADER_WIDTH + xOf(props.ghost.start - props.ghost.setupMinutes * 60_000, props.view.from, pxPerMinute),
              width: Math.max(4, xOf(props.ghost.end, props.ghost.start - props.ghost.setupMinutes * 60_000, pxPerMinute)),
              top: AXIS_HEIGHT + ghostRow * ROW_HEIGHT + 8,
              height: ROW_HEIGHT - 16,
            }}
            data-testid="drag-ghost"
            data-ok={props.ghost.ok}
          />
        ) : null}
      </div>
    </div>
  );
});

const LineRow = memo(function LineRow(props: {
  line: BoardLine;
  top: number;
  jobs: PlanningJob[];
  details: Record<string, BoardJobDetails>;
  origin: number;
  pxPerMinute: number;
  visibleFrom: number;
  visibleTo: number;
  highlighted: ReadonlySet<string>;
  draggingId: string | null;
  onBarPointerDown: Props["onBarPointerDown"];
  onBarOpen: Props["onBarOpen"];
  onLineAction: Props["onLineAction"];
}) {
  const { line, pxPerMinute, origin } = props;
  const windows = line.windows.filter((window) => window.end > props.visibleFrom && window.start < props.visibleTo);
  const bars = props.jobs.filter((job) => job.end! > props.visibleFrom && job.start! - (job.setupMinutes ?? 0) * 60_000 < props.visibleTo);
  const down = line.status === "down" || line.status === "maintenance";
  return (
    <div className="absolute left-0 flex border-b border-slate-100" style={{ top: props.top, height: ROW_HEIGHT, width: "100%" }} data-testid={`gantt-row-${line.code}`}>
      <div className="sticky left-0 z-10 flex w-[200px] shrink-0 flex-col justify-center border-r border-slate-200 bg-white px-3">
        <div className="flex items-center gap-1.5">
          <span className={`h-2 w-2 rounded-full ${line.online ? "bg-emerald-500" : "bg-slate-300"}`} title={line.online ? "online" : "offline"} />
          <span className="text-sm font-semibold">{line.code}</span>
          <span className={`rounded px-1 text-[10px] ${down ? "bg-red-100 text-red-700" : line.status === "running" ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600"}`}>{line.status}</span>
          {line.ackedPlanVersion !== null ? <span className="text-[10px] text-slate-500" title="plan version the line acknowledged">v{line.ackedPlanVersion}</span> : null}
          <button type="button" className="ml-auto rounded px-1 text-xs text-slate-500 hover:bg-slate-100" onClick={() => props.onLineAction(line)} aria-label={`Actions for ${line.code}`}>
            ⋯
          </button>
        </div>
        <div className="truncate text-[11px] text-slate-500" title={line.capabilities.join(", ")}>
          {line.name} · ×{line.speed}
        </div>
      </div>
      <div className="relative flex-1">
        {windows.map((window) => (
          <div key={window.start} className="absolute inset-y-0 bg-sky-50" style={{ left: xOf(window.start, origin, pxPerMinute), width: xOf(window.end, window.start, pxPerMinute) }} />
        ))}
        {bars.map((job) => {
          const setupStart = job.start! - (job.setupMinutes ?? 0) * 60_000;
          const late = job.end! > job.due;
          const atRisk = !late && job.due - job.end! < RISK_MS;
          const detail = props.details[job.id];
          return (
            <div
              key={job.id}
              role="button"
              tabIndex={0}
              aria-label={`${job.code} ${detail?.productName ?? job.family}${late ? ", late" : atRisk ? ", at risk" : ""}${job.locked ? ", locked" : ""}`}
              data-testid={`job-bar-${job.code}`}
              className={`absolute top-2 flex cursor-grab touch-none overflow-hidden rounded text-[11px] text-white shadow-sm select-none ${props.draggingId === job.id ? "opacity-40" : ""} ${props.highlighted.has(job.id) ? "ring-2 ring-amber-400 ring-offset-1" : ""} ${late ? "outline-2 outline-red-600" : atRisk ? "outline-2 outline-amber-500" : ""}`}
              style={{ left: xOf(setupStart, origin, pxPerMinute), width: Math.max(3, xOf(job.end!, setupStart, pxPerMinute)), height: ROW_HEIGHT - 16 }}
              onPointerDown={(event) => {
                const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
                props.onBarPointerDown(job, event, event.clientX - rect.left - xOf(job.start!, setupStart, pxPerMinute));
              }}
              onDoubleClick={() => props.onBarOpen(job)}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") props.onBarOpen(job);
              }}
            >
              {job.setupMinutes ? <span className="h-full shrink-0 bg-[repeating-linear-gradient(45deg,#94a3b8_0,#94a3b8_3px,#cbd5e1_3px,#cbd5e1_6px)]" style={{ width: xOf(job.start!, setupStart, pxPerMinute) }} title={`setup ${job.setupMinutes} min`} /> : null}
              <span className="flex min-w-0 flex-1 items-center gap-1 px-1" style={{ background: familyColor(job.family) }}>
                {job.locked ? <span aria-hidden>🔒</span> : null}
                {job.status === "running" ? <span aria-hidden>▶</span> : null}
                <span className="truncate">{job.code}</span>
              </span>
              {job.status === "running" ? <span className="absolute bottom-0 left-0 h-1 bg-white/80" style={{ width: `${job.progress}%` }} /> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
});
