import { RepairInputError } from "./apply-repair-event";
import { findBestInsertion, newInsertionChoice } from "./best-insertion";
import { compileInstance, type Anchor } from "./compile-instance";
import type { Instance, Job } from "./instance-schema";
import { epochMinutesToIso, isoToEpochMinutes } from "./iso-minutes";
import type { Model } from "./model";
import type { Plan } from "./plan-schema";
import { processingMinutes } from "./processing-time";
import type { MovedJob } from "./repair";
import type { Schedule } from "./schedule-schema";
import { Solution } from "./solution";
import { toSchedule } from "./to-schedule";

export interface SlotQuery {
  /** planned jobs the insertion may push later (on the chosen line); 0 = fit into a gap */
  maxMoves?: number;
  /** ISO time the new job may not start before (e.g. now) */
  notBefore?: string;
}

export interface Slot {
  lineId: string;
  start: string;
  end: string;
  setupMinutes: number;
  /** weighted tardiness and setup minutes the plan gains with the job in it */
  addedTardiness: number;
  addedSetupMinutes: number;
  /** planned jobs pushed off their place */
  moved: MovedJob[];
}

export interface SlotFinder {
  /** the best slot for `job`, or null when none exists within the move limit */
  findSlot(job: Job, query?: SlotQuery): Slot | null;
  /** the plan with `job` in its best slot (the plan unchanged, slot null, when there is none) */
  insert(job: Job, query?: SlotQuery): { slot: Slot | null; plan: Plan };
}

const PROBE_ID = "\u0000probe";

/**
 * Slots for new jobs in a published plan, in milliseconds: the plan is compiled once, with one
 * extra "probe" job whose attributes each query overwrites in the compiled arrays (it is
 * eligible everywhere at compile time, so its row of eligible lines has room for any query).
 * Planned jobs are anchored where they are; every position of every eligible line is tried,
 * keeping the insertions that move at most `maxMoves` of them, cheapest by added tardiness,
 * then setups.
 */
export function createSlotFinder(plan: Plan): SlotFinder {
  const probe: Job = { id: PROBE_ID, family: PROBE_ID, requires: [], minutes: 1, due: plan.instance.horizon.start };
  const instance: Instance = { ...plan.instance, jobs: [...plan.instance.jobs, probe] };
  const pinned = new Set(plan.instance.jobs.filter((j) => j.pinned).map((j) => j.id));
  const anchors = new Map<string, Anchor>();
  for (const a of plan.schedule.assignments) if (!pinned.has(a.jobId)) anchors.set(a.jobId, { lineId: a.lineId, start: a.start });
  const model: Model = compileInstance(instance, { anchors });
  const solution = new Solution(model);
  // tardiness first, then setups, then fewer moves (capped by the query)
  solution.setCostWeights(1e-3, 1e-6);
  const anchorLine = model.anchorLine as Int32Array;
  const anchorStart = model.anchorStart as Int32Array;
  const byLine: number[][] = model.lines.map(() => []);
  for (const j of model.freeJobs) if ((anchorLine[j] as number) >= 0) byLine[anchorLine[j] as number]?.push(j);
  byLine.forEach((jobs, l) => {
    jobs.sort((a, b) => (anchorStart[a] as number) - (anchorStart[b] as number));
    solution.setSequence(l, jobs);
  });
  if (solution.moves() > 0) throw new RepairInputError("the plan's schedule does not decode to itself: it is not feasible for its instance");

  const p = model.jobIndex.get(PROBE_ID) as number;
  const rowStart = model.eligibleStart[p] as number;
  const probeFamily = model.jobFamily[p] as number;
  const iso = (m: number) => epochMinutesToIso(model.epochOffset + m);

  /** Writes the job into the probe's slots; false when it cannot run anywhere. */
  const load = (job: Job, query: SlotQuery): boolean => {
    const minutes = (iso: string) => (isoToEpochMinutes(iso) as number) - model.epochOffset;
    // a family the plan has never seen changes over at the default setup, like the probe's own
    model.jobFamily[p] = model.familyIndex.get(job.family) ?? probeFamily;
    let release = job.release === undefined ? 0 : minutes(job.release);
    if (query.notBefore !== undefined) release = Math.max(release, minutes(query.notBefore));
    model.jobRelease[p] = Math.max(0, release);
    model.jobDue[p] = minutes(job.due);
    model.jobWeight[p] = job.weight ?? 1;
    let count = 0;
    instance.lines.forEach((line, l) => {
      const capable = job.requires.every((c) => line.capabilities.includes(c));
      model.processing[p * model.lineCount + l] = capable ? processingMinutes(job.minutes, line.speed ?? 1) : -1;
      if (capable) model.eligibleLines[rowStart + count++] = l;
    });
    model.eligibleStart[p + 1] = rowStart + count;
    return count > 0;
  };

  const movedOnLine = (l: number): MovedJob[] => {
    const line = solution.lines[l];
    const moved: MovedJob[] = [];
    if (!line) return moved;
    for (let k = 0; k < line.length; k++) {
      const j = line.jobs[k] as number;
      if (j === p || line.start[k] === anchorStart[j]) continue;
      moved.push({ jobId: model.jobIds[j] as string, from: { lineId: model.lineIds[l] as string, start: iso(anchorStart[j] as number) }, to: { lineId: model.lineIds[l] as string, start: iso(line.start[k] as number) } });
    }
    return moved;
  };

  const place = (job: Job, query: SlotQuery): Slot | null => {
    if (plan.instance.jobs.some((j) => j.id === job.id)) throw new RepairInputError(`job ${job.id} is in the plan already`);
    if (!load(job, query)) return null;
    const choice = newInsertionChoice();
    const search = { blinkRate: 0, random: null, positionWindow: Infinity, maxMoves: query.maxMoves ?? 0 };
    const tardiness = solution.tardiness(), setups = solution.setupTotal();
    if (!findBestInsertion(solution, p, search, choice)) return null;
    solution.insert(choice.line, choice.position, p);
    const line = solution.lines[choice.line];
    const k = line?.positionOf(p) ?? -1;
    const start = line?.start[k] as number;
    return {
      lineId: model.lineIds[choice.line] as string,
      start: iso(start),
      end: iso(start + (model.processing[p * model.lineCount + choice.line] as number)),
      setupMinutes: line?.setup[k] as number,
      addedTardiness: solution.tardiness() - tardiness,
      addedSetupMinutes: solution.setupTotal() - setups,
      moved: movedOnLine(choice.line),
    };
  };

  return {
    findSlot(job, query = {}) {
      const slot = place(job, query);
      if (slot) solution.remove(p);
      return slot;
    },
    insert(job, query = {}) {
      const slot = place(job, query);
      if (!slot) return { slot, plan };
      const { schedule } = toSchedule(solution);
      solution.remove(p);
      const renamed: Schedule = {
        ...schedule,
        assignments: schedule.assignments.map((a) => (a.jobId === PROBE_ID ? { ...a, jobId: job.id } : a)),
        unscheduled: schedule.unscheduled.filter((u) => u.jobId !== PROBE_ID),
      };
      return { slot, plan: { version: 1, instance: { ...plan.instance, jobs: [...plan.instance.jobs, job] }, schedule: renamed } };
    },
  };
}
