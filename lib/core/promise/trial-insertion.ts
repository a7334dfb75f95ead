import { createSlotFinder, type Slot, type SlotFinder, type SlotQuery } from "../scheduling/find-slot";
import type { Job } from "../scheduling/instance-schema";
import type { Plan } from "../scheduling/plan-schema";

/**
 * A trial insertion: where would the units of one order line run if they were planned now,
 * without disturbing the plan? Each unit goes to the slot where it finishes earliest (its due
 * date is its release, so the slot finder's "least added tardiness" is "earliest finish"), the
 * next unit into the plan with the previous one in it. Express units weigh more and may push
 * up to `expressMoves` planned jobs later, but only where none of them becomes late: capacity
 * others were promised is not sold twice.
 */
export type TrialUnit = { family: string; requires: string[]; minutes: number; weight: number; express: boolean };

export type TrialRequest = {
  units: TrialUnit[];
  /** ISO whole minute: nothing starts before (parts, options), nor before now. */
  release: string;
  notBefore: string;
};

export type TrialSlot = { lineId: string; start: string; end: string; setupMinutes: number; pushed: number };

export const EXPRESS_MOVES = 3;

const MINUTE_MS = 60_000;

/** The best slot of one unit: a gap, or for express a push that keeps everyone on time. */
function bestSlot(finder: SlotFinder, job: Job, express: boolean, notBefore: string): { slot: Slot; query: SlotQuery } | null {
  const gapQuery: SlotQuery = { maxMoves: 0, notBefore };
  const gap = finder.findSlot(job, gapQuery);
  if (!express) return gap ? { slot: gap, query: gapQuery } : null;
  const pushQuery: SlotQuery = { maxMoves: EXPRESS_MOVES, notBefore };
  const push = finder.findSlot(job, pushQuery);
  if (push && (!gap || Date.parse(push.end) < Date.parse(gap.end))) {
    const ownTardiness = (job.weight ?? 1) * Math.max(0, (Date.parse(push.end) - Date.parse(job.due)) / MINUTE_MS);
    // What the pushed jobs lose: the added tardiness that is not the new job's own.
    if (push.addedTardiness - ownTardiness <= 1e-6) return { slot: push, query: pushQuery };
  }
  return gap ? { slot: gap, query: gapQuery } : null;
}

/** Slots for every unit, or null when one of them finds no room in the plan's horizon. */
export function trialInsertion(plan: Plan, finder: SlotFinder, request: TrialRequest, idPrefix = "\u0000trial"): TrialSlot[] | null {
  const slots: TrialSlot[] = [];
  let current = { plan, finder };
  const notBefore = Date.parse(request.release) > Date.parse(request.notBefore) ? request.release : request.notBefore;
  for (const [index, unit] of request.units.entries()) {
    const job: Job = { id: `${idPrefix}:${index}`, family: unit.family, requires: unit.requires, minutes: unit.minutes, release: request.release, due: request.release, weight: unit.weight };
    const best = bestSlot(current.finder, job, unit.express, notBefore);
    if (!best) return null;
    slots.push({ lineId: best.slot.lineId, start: best.slot.start, end: best.slot.end, setupMinutes: best.slot.setupMinutes, pushed: best.slot.moved.length });
    if (index < request.units.length - 1) {
      const next = current.finder.insert(job, best.query).plan;
      current = { plan: next, finder: createSlotFinder(next) };
    }
  }
  return slots;
}
