import type { Anchor } from "../scheduling/compile-instance";
import type { Instance, Job } from "../scheduling/instance-schema";
import type { Plan } from "../scheduling/plan-schema";
import { SlotBoard } from "../scheduling/slot-board";
import { trialInsertion, type TrialRequest, type TrialSlot } from "./trial-insertion";

/**
 * The plan promises are made against: the latest published plan (its assignments over the
 * factory as it is now), plus the capacity held for quotes and for orders promised since that
 * plan was published. Each line's jobs keep their order and their start wherever the factory
 * still allows it; a job the present no longer fits there (a line went down, a running job
 * overran, a part slipped past its planned start) moves later, exactly as the scheduler's
 * sticky decoder would place it. The result is feasible for its instance by construction, so
 * the scheduler's slot finder can insert into it without disturbing anything.
 */
export type PlannedAssignment = { jobId: string; lineId: string; start: string };

/** One unit of held capacity (ISO whole-minute times). */
export type HeldUnit = { lineId: string; start: string; end: string; family: string; requires: string[]; minutes: number; due: string };

export type Hold = { id: string; units: HeldUnit[] };

export type PromiseBase = {
  /** The factory now: lines, windows, setups; jobs = the published plan's jobs not yet started. */
  instance: Instance;
  assignments: PlannedAssignment[];
};

export const holdJobId = (holdId: string, unit: number) => `hold:${holdId}:${unit}`;

/** Room a promise board keeps for holds and trial units before it is compiled again. */
const SPARE_JOBS = 256;
const SPARE_FAMILIES = 16;

/** The instance and anchors of the promise plan: planned jobs where the plan put them, holds where they hold. */
function promiseInstance(base: PromiseBase, holds: Iterable<Hold>): { instance: Instance; anchors: Map<string, Anchor>; held: Set<string> } {
  const horizonStart = Date.parse(base.instance.horizon.start);
  const lineIds = new Set(base.instance.lines.map((line) => line.id));
  const anchors = new Map<string, Anchor>();
  const known = new Set(base.instance.jobs.map((job) => job.id));
  for (const assignment of base.assignments) {
    if (known.has(assignment.jobId) && lineIds.has(assignment.lineId)) anchors.set(assignment.jobId, { lineId: assignment.lineId, start: assignment.start });
  }
  const heldJobs: Job[] = [];
  for (const hold of holds) {
    hold.units.forEach((unit, index) => {
      // Held time already past, or on a line the factory no longer plans, holds nothing.
      if (Date.parse(unit.end) <= horizonStart || !lineIds.has(unit.lineId)) return;
      const id = holdJobId(hold.id, index);
      heldJobs.push({ id, family: unit.family, requires: unit.requires, minutes: unit.minutes, due: unit.due });
      anchors.set(id, { lineId: unit.lineId, start: unit.start });
    });
  }
  // Held jobs first, and named as held to the board: one anchored where a planned job was (an
  // express unit pushed it) goes first.
  const instance: Instance = { ...base.instance, jobs: [...heldJobs, ...base.instance.jobs.filter((job) => anchors.has(job.id) || job.pinned)] };
  return { instance, anchors, held: new Set(heldJobs.map((job) => job.id)) };
}

export function buildPromisePlan(base: PromiseBase, holds: readonly Hold[]): Plan {
  const { instance, anchors, held } = promiseInstance(base, holds);
  const schedule = new SlotBoard(instance, anchors, { exact: false, held }).schedule();
  // Jobs the present leaves no room for are simply not in the plan: they hold no capacity here.
  const placed = new Set(schedule.assignments.map((assignment) => assignment.jobId));
  return {
    version: 1,
    instance: { ...instance, jobs: instance.jobs.filter((job) => placed.has(job.id)) },
    schedule: { assignments: schedule.assignments, unscheduled: [] },
  };
}

/**
 * The promise plan kept ready for trial insertions: compiled once, then holds come and go on it
 * (a quote, an order, an expiry) without compiling it again — a trial costs the search, not the
 * plan's size. It is compiled again only when it runs out of room for new holds, so the cost of
 * compiling is spread over hundreds of them.
 */
export class PromiseBoard {
  private readonly holds = new Map<string, Hold>();
  private board: SlotBoard | null = null;

  constructor(
    readonly base: PromiseBase,
    holds: readonly Hold[],
  ) {
    for (const hold of holds) this.holds.set(hold.id, hold);
  }

  updateHolds(add: readonly Hold[], remove: readonly string[]): void {
    for (const id of remove) this.dropHold(id);
    for (const hold of add) {
      this.dropHold(hold.id);
      this.holds.set(hold.id, hold);
      const board = this.board;
      if (!board) continue;
      if (!this.hasRoom(board, hold.units)) {
        this.board = null;
        continue;
      }
      hold.units.forEach((unit, index) => board.hold({ id: holdJobId(hold.id, index), ...unit }));
    }
  }

  /**
   * Slots for each order line; each line goes around the lines before it (none of a line that
   * found no room). The board is left as it was — unless `holdIds` (one per line) are given and
   * every line found room: then each line's slots are held under its id at once, due when they
   * end until the asker says otherwise (a hold replaced by `updateHolds`).
   */
  trial(items: readonly TrialRequest[], holdIds?: readonly string[]): Array<TrialSlot[] | null> {
    const units = items.flatMap((item) => item.units);
    const board = this.ready(units);
    board.checkpoint();
    let answers: Array<TrialSlot[] | null>;
    try {
      answers = items.map((item, index) => trialInsertion(board, item, `\u0000trial${index}`));
    } finally {
      board.rollback();
    }
    if (holdIds && answers.every((slots) => slots !== null)) {
      const holds = answers.map((slots, index): Hold => ({
        id: holdIds[index]!,
        units: slots!.map((slot, unit) => {
          const spec = items[index]!.units[unit]!;
          return { lineId: slot.lineId, start: slot.start, end: slot.end, family: spec.family, requires: spec.requires, minutes: spec.minutes, due: slot.end };
        }),
      }));
      this.updateHolds(holds, []);
    }
    return answers;
  }

  private dropHold(id: string): void {
    const hold = this.holds.get(id);
    if (!hold) return;
    this.holds.delete(id);
    if (this.board) hold.units.forEach((_, index) => this.board!.remove(holdJobId(id, index)));
  }

  private hasRoom(board: SlotBoard, units: ReadonlyArray<{ family: string }>): boolean {
    return board.spareJobs >= units.length && units.every((unit) => board.knowsFamily(unit.family));
  }

  private ready(units: ReadonlyArray<{ family: string }>): SlotBoard {
    if (this.board && this.hasRoom(this.board, units)) return this.board;
    const { instance, anchors, held } = promiseInstance(this.base, this.holds.values());
    this.board = new SlotBoard(instance, anchors, {
      exact: false,
      // room for as many holds again as there are (at least SPARE_JOBS): compiling is amortized
      spareJobs: Math.max(SPARE_JOBS, held.size) + units.length,
      families: units.map((unit) => unit.family),
      spareFamilies: SPARE_FAMILIES,
      held,
    });
    return this.board;
  }
}
