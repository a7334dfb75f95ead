"use client";

import { formatMinuteOfDay, MINUTES_PER_DAY, WEEKDAY_NAMES, WEEKDAY_SHORT } from "@/lib/core/lines/minutes-of-day";
import { describeShift, shiftLengthMinutes, type WeeklyShift } from "@/lib/core/lines/weekly-shifts";

const HOURS = [0, 6, 12, 18, 24];

type Piece = { index: number; weekday: number; from: number; to: number; continued: boolean };

/** Each shift as drawn on the week: its own day, and the part after midnight on the next day. */
function piecesOf(shifts: readonly WeeklyShift[]): Piece[] {
  return shifts.flatMap((shift, index) => {
    const end = shift.startMinute + shiftLengthMinutes(shift);
    const first: Piece = { index, weekday: shift.weekday, from: shift.startMinute, to: Math.min(end, MINUTES_PER_DAY), continued: false };
    if (end <= MINUTES_PER_DAY) return [first];
    return [first, { index, weekday: (shift.weekday + 1) % 7, from: 0, to: end - MINUTES_PER_DAY, continued: true }];
  });
}

/**
 * The week as seven rows of 24 hours with the shifts drawn on them. Each shift is a button that
 * opens it for editing; the part of a night shift after midnight is drawn, lighter, on the next
 * day. Overlapping shifts are outlined in red.
 */
export function WeekGrid({ shifts, invalid, disabled, onEdit }: { shifts: readonly WeeklyShift[]; invalid: ReadonlySet<number>; disabled?: boolean; onEdit: (index: number) => void }) {
  const pieces = piecesOf(shifts);
  return (
    <div className="space-y-1" data-testid="week-grid">
      <div className="grid grid-cols-[3.5rem_1fr] text-[11px] text-slate-500" aria-hidden>
        <span />
        <div className="relative h-4">
          {HOURS.map((hour) => (
            <span key={hour} className="absolute -translate-x-1/2 tabular-nums" style={{ left: `${(hour / 24) * 100}%` }}>
              {String(hour).padStart(2, "0")}
            </span>
          ))}
        </div>
      </div>
      {WEEKDAY_NAMES.map((dayName, weekday) => (
        <div key={dayName} className="grid grid-cols-[3.5rem_1fr] items-center" role="group" aria-label={dayName}>
          <span className="text-sm font-medium text-slate-700">{WEEKDAY_SHORT[weekday]}</span>
          <div className="relative h-9 rounded bg-slate-100">
            {HOURS.slice(1, -1).map((hour) => (
              <span key={hour} aria-hidden className="absolute inset-y-0 border-l border-slate-200" style={{ left: `${(hour / 24) * 100}%` }} />
            ))}
            {pieces
              .filter((piece) => piece.weekday === weekday)
              .map((piece) => {
                const shift = shifts[piece.index]!;
                const style = { left: `${(piece.from / MINUTES_PER_DAY) * 100}%`, width: `${((piece.to - piece.from) / MINUTES_PER_DAY) * 100}%` };
                const tone = invalid.has(piece.index) ? "ring-2 ring-red-600" : "";
                if (piece.continued) {
                  return (
                    <span key={`${piece.index}-next`} aria-hidden title={`${describeShift(shift)} (continued)`} className={`absolute inset-y-1 rounded-r bg-sky-300/60 ${tone}`} style={style} />
                  );
                }
                return (
                  <button
                    key={piece.index}
                    type="button"
                    disabled={disabled}
                    onClick={() => onEdit(piece.index)}
                    aria-label={`Edit ${describeShift(shift)}`}
                    title={describeShift(shift)}
                    className={`absolute inset-y-1 overflow-hidden rounded bg-sky-600 px-1 text-left text-[11px] leading-7 whitespace-nowrap text-white hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400 disabled:cursor-default disabled:hover:bg-sky-600 ${tone}`}
                    style={style}
                  >
                    {formatMinuteOfDay(shift.startMinute)} {shift.name}
                  </button>
                );
              })}
          </div>
        </div>
      ))}
    </div>
  );
}
