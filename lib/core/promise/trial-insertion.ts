import type { Job } from "../scheduling/instance-schema";
import type { SlotBoard, SlotQuery } from "../scheduling/slot-board";

/**
 * A trial insertion: where would the units of one order line run if they were planned now?
 * Each unit goes to the slot where it finishes earliest (its due date is its release, so the
 * slot finder's "least added tardiness" is "earliest finish"), and stays there, so the next unit
 * — and the next order line — goes around it. Express units weigh more and may push up to
 * `expressMoves` planned jobs later, but only where none of them becomes late: capacity others
 * were promised is not sold twice. The caller puts the board back (checkpoint and rollback).
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

/** The query of a unit's best slot: a gap, or for express a push that keeps everyone on time. */
function bestQuery(board: SlotBoard, job: Job, express: boolean, notBefore: string): SlotQuery | null {
  const gapQuery: SlotQuery = { maxMoves: 0, notBefore };
  if (!express) return gapQuery;
  const gap = board.findSlot(job, gapQuery);
  const pushQuery: SlotQuery = { maxMoves: EXPRESS_MOVES, notBefore };
  const push = board.findSlot(job, pushQuery);
  if (push && (!gap || Date.parse(push.end) < Date.parse(gap.end))) {
    const ownTardiness = (job.weight ?? 1) * Math.max(0, (Date.parse(push.end) - Date.parse(job.due)) / MINUTE_MS);
    // What the pushed jobs lose: the added tardiness that is not the new job's own.
    if (push.addedTardiness - ownTardiness <= 1e-6) return pushQuery;
  }
  return gap ? gapQuery : null;
}

/**
 * Places every unit of the request on the board and returns their slots, or null (the board as
 * it was) when one of them finds no room in the plan's horizon.
 */
export function trialInsertion(board: SlotBoard, request: TrialRequest, idPrefix = "\u0000trial"): TrialSlot[] | null {
  const slots: TrialSlot[] = [];
  const placed: string[] = [];
  const notBefore = Date.parse(request.release) > Date.parse(request.notBefore) ? request.release : request.notBefore;
  for (const [index, unit] of request.units.entries()) {
    const job: Job = { id: `${idPrefix}:${index}`, family: unit.family, requires: unit.requires, minutes: unit.minutes, release: request.release, due: request.release, weight: unit.weight };
    const query = bestQuery(board, job, unit.express, notBefore);
    const slot = query && board.place(job, query);
    if (!slot) {
      for (const id of placed) board.remove(id);
      return null;
    }
    placed.push(job.id);
    slots.push({ lineId: slot.lineId, start: slot.start, end: slot.end, setupMinutes: slot.setupMinutes, pushed: slot.moved.length });
  }
  return slots;
}
