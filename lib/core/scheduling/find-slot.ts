import type { Anchor } from "./compile-instance";
import type { Job } from "./instance-schema";
import type { Plan } from "./plan-schema";
import { SlotBoard, type Slot, type SlotQuery } from "./slot-board";

export type { Slot, SlotQuery } from "./slot-board";

export interface SlotFinder {
  /** the best slot for `job`, or null when none exists within the move limit */
  findSlot(job: Job, query?: SlotQuery): Slot | null;
  /** the plan with `job` in its best slot (the plan unchanged, slot null, when there is none) */
  insert(job: Job, query?: SlotQuery): { slot: Slot | null; plan: Plan };
}

/**
 * Slots for new jobs in a published plan, in milliseconds: the plan is compiled once (a
 * `SlotBoard` that must decode to the plan exactly); every position of every eligible line is
 * tried, keeping the insertions that move at most `maxMoves` planned jobs, cheapest by added
 * tardiness, then setups. Neither call changes the finder.
 */
export function createSlotFinder(plan: Plan): SlotFinder {
  const pinned = new Set(plan.instance.jobs.filter((j) => j.pinned).map((j) => j.id));
  const anchors = new Map<string, Anchor>();
  for (const a of plan.schedule.assignments) if (!pinned.has(a.jobId)) anchors.set(a.jobId, { lineId: a.lineId, start: a.start });
  const board = new SlotBoard(plan.instance, anchors, { exact: true });
  return {
    findSlot: (job, query = {}) => board.findSlot(job, query),
    insert(job, query = {}) {
      const placed = board.scheduleWith(job, query);
      if (!placed) return { slot: null, plan };
      return { slot: placed.slot, plan: { version: 1, instance: { ...plan.instance, jobs: [...plan.instance.jobs, job] }, schedule: placed.schedule } };
    },
  };
}
