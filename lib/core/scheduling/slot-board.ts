import { RepairInputError } from "./apply-repair-event";
import { findBestInsertion, newInsertionChoice } from "./best-insertion";
import { compileInstance, type Anchor } from "./compile-instance";
import type { Instance, Job } from "./instance-schema";
import { epochMinutesToIso, isoToEpochMinutes } from "./iso-minutes";
import type { LineSequence } from "./line-sequence";
import type { Model } from "./model";
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

/** A job to keep at a given place (capacity held for a promise): it is not searched, only decoded there. */
export interface HeldJob {
  id: string;
  lineId: string;
  /** ISO whole minute */
  start: string;
  family: string;
  requires: string[];
  /** processing minutes at speed 1 */
  minutes: number;
  due: string;
  weight?: number;
}

export interface SlotBoardOptions {
  /**
   * true: the anchors are a feasible schedule and must decode to themselves (a published plan
   * as it was made). false: each anchored job keeps its place where the present allows it,
   * moves later where it does not (the sticky decoder), and is left out when no room is left.
   */
  exact: boolean;
  /** jobs that can be placed or held later without compiling again */
  spareJobs?: number;
  /** setup families (names) the board must know besides those of the instance */
  families?: readonly string[];
  /** families a board can learn later (a held or placed job of a family the instance never named) */
  spareFamilies?: number;
  /**
   * Ids of the instance's jobs that are held capacity. Anchored at the same start as a planned
   * job, a held one goes first (an express unit held where it pushed the planned job); a job
   * held later at that start goes after them, as it would were the board compiled with it.
   */
  held?: ReadonlySet<string>;
}

const PROBE_ID = "\u0000probe";
const SPARE_PREFIX = "\u0000spare:";
const SPARE_FAMILY_PREFIX = "\u0000family:";

/**
 * A published plan compiled once for insertion questions, and kept up to date as jobs are held
 * in it, placed into it and taken out of it — without compiling it again. One extra "probe" job
 * (the last one; it is eligible everywhere at compile time, so its row of eligible lines has
 * room for any query) carries each question; spare jobs take the attributes of what is held or
 * placed. Planned jobs are anchored where they are; after every change each job's anchor is its
 * decoded start again, so the next question counts as moved exactly the jobs it pushes.
 *
 * Holding and taking off keep the board the one compiled afresh with the same jobs: a line is
 * in the order of where its jobs are meant to be, and from the change on every job is decoded
 * again from there — at its place when the line lets it start by then — not from wherever an
 * earlier change had pushed it or let it go.
 *
 * A checkpoint and a rollback make trial insertions: place units, read their slots, and put the
 * board back exactly as it was.
 */
export class SlotBoard {
  readonly model: Model;
  private readonly solution: Solution;
  private readonly probe: number;
  private readonly probeRowStart: number;
  private readonly probeFamily: number;
  private readonly anchorLine: Int32Array;
  private readonly anchorStart: Int32Array;
  /**
   * Where each job is meant to be — a planned job where the plan put it, a held one where it
   * holds — as its anchor was before other jobs pushed it (or let it go earlier: a setup that
   * no longer fits before its window). A line is in this order, as a compiled board sorts it,
   * and a change lets the jobs after it go back there, as a board compiled with it places them.
   */
  private readonly homeStart: Int32Array;
  /** 1 for a job that is held capacity: it goes before planned jobs meant to start with it */
  private readonly held: Uint8Array;
  /** live jobs (planned, held, placed) by id, and the id each job index is live under */
  private readonly live = new Map<string, number>();
  private readonly names: Array<string | undefined>;
  private readonly freeSpares: number[] = [];
  private readonly freeFamilies: number[] = [];
  private readonly learnedFamilies = new Map<string, number>();
  private readonly lineSpeed: number[];
  private readonly lineCapabilities: ReadonlyArray<ReadonlySet<string>>;
  /**
   * Live jobs taken off their anchor line for want of room (jobs pushed past the horizon, a
   * hold that found none): a later change on the line can make room, and a board compiled
   * afresh would then place them, so each change lets them try again.
   */
  private roomless = new Set<number>();
  private journal: Journal | null = null;

  constructor(instance: Instance, anchors: ReadonlyMap<string, Anchor>, options: SlotBoardOptions) {
    const spareJobs = Math.max(0, options.spareJobs ?? 0);
    const knownFamilies = new Set(instance.jobs.map((job) => job.family));
    const extraFamilies = (options.families ?? []).filter((family) => !knownFamilies.has(family));
    const spareFamilyCount = Math.min(spareJobs, Math.max(0, options.spareFamilies ?? 0));
    // Spare jobs register the extra and spare families with the compiler (a job's family is the
    // only way in besides the setup matrix); each is re-dressed when it is used.
    const spareCount = Math.max(spareJobs, extraFamilies.length + spareFamilyCount);
    const spareFamilyNames = [...extraFamilies, ...Array.from({ length: spareFamilyCount }, (_, i) => `${SPARE_FAMILY_PREFIX}${i}`)];
    const spares: Job[] = Array.from({ length: spareCount }, (_, i) => ({
      id: `${SPARE_PREFIX}${i}`,
      family: spareFamilyNames[i] ?? PROBE_ID,
      requires: [],
      minutes: 1,
      due: instance.horizon.start,
    }));
    const probe: Job = { id: PROBE_ID, family: PROBE_ID, requires: [], minutes: 1, due: instance.horizon.start };
    const model = compileInstance({ ...instance, jobs: [...instance.jobs, ...spares, probe] }, { anchors });
    this.model = model;
    this.anchorLine = model.anchorLine as Int32Array;
    this.anchorStart = model.anchorStart as Int32Array;
    this.homeStart = Int32Array.from(this.anchorStart);
    this.held = new Uint8Array(model.jobCount);
    this.probe = model.jobIndex.get(PROBE_ID) as number;
    this.probeRowStart = model.eligibleStart[this.probe] as number;
    this.probeFamily = model.jobFamily[this.probe] as number;
    this.lineSpeed = instance.lines.map((line) => line.speed ?? 1);
    this.lineCapabilities = instance.lines.map((line) => new Set(line.capabilities));
    for (let i = spareCount - 1; i >= 0; i--) this.freeSpares.push(model.jobIndex.get(`${SPARE_PREFIX}${i}`) as number);
    for (let i = spareFamilyCount - 1; i >= 0; i--) this.freeFamilies.push(model.familyIndex.get(`${SPARE_FAMILY_PREFIX}${i}`) as number);
    this.names = new Array(model.jobCount);
    instance.jobs.forEach((job, j) => {
      this.live.set(job.id, j);
      this.names[j] = job.id;
      if (options.held?.has(job.id)) this.held[j] = 1;
    });

    const solution = new Solution(model);
    // tardiness first, then setups, then fewer moves (capped by the query)
    solution.setCostWeights(1e-3, 1e-6);
    this.solution = solution;
    const byLine: number[][] = model.lines.map(() => []);
    for (const j of model.freeJobs) {
      const l = this.anchorLine[j] as number;
      if (l >= 0 && (model.processing[j * model.lineCount + l] as number) >= 0) byLine[l]!.push(j);
    }
    byLine.forEach((jobs, l) => {
      jobs.sort((a, b) => (this.anchorStart[a] as number) - (this.anchorStart[b] as number) || (this.held[b] as number) - (this.held[a] as number));
      solution.setSequence(l, jobs);
    });
    if (options.exact) {
      if (solution.moves() > 0) throw new RepairInputError("the plan's schedule does not decode to itself: it is not feasible for its instance");
      return;
    }
    for (const line of solution.lines) this.settle(line, 0);
  }

  has(jobId: string): boolean {
    return this.live.has(jobId);
  }

  /** Jobs that can still be held or placed before the board must be compiled again. */
  get spareJobs(): number {
    return this.freeSpares.length;
  }

  /** Whether a family can be given to a held or placed job without compiling again. */
  knowsFamily(family: string): boolean {
    return this.model.familyIndex.has(family) || this.learnedFamilies.has(family) || this.freeFamilies.length > 0;
  }

  /** The best slot for `job`, or null when none exists within the move limit; the board is unchanged. */
  findSlot(job: Job, query: SlotQuery = {}): Slot | null {
    const slot = this.placeProbe(job, query);
    if (slot) this.solution.remove(this.probe);
    return slot;
  }

  /** The schedule with `job` in its best slot (the board is unchanged), or null when there is none. */
  scheduleWith(job: Job, query: SlotQuery = {}): { slot: Slot; schedule: Schedule } | null {
    const slot = this.placeProbe(job, query);
    if (!slot) return null;
    const schedule = this.schedule(job.id);
    this.solution.remove(this.probe);
    return { slot, schedule };
  }

  /**
   * The board as a FORMAT.md schedule: every live job, held and placed ones under their ids
   * (the probe, when it is on a line, under `probeId`). Jobs that found no room are unscheduled.
   */
  schedule(probeId?: string): Schedule {
    const { schedule } = toSchedule(this.solution);
    const named = (id: string): string | undefined => {
      if (id === PROBE_ID) return probeId;
      return this.names[this.model.jobIndex.get(id) as number];
    };
    const assignments: Schedule["assignments"] = [];
    for (const a of schedule.assignments) {
      const id = named(a.jobId);
      if (id !== undefined) assignments.push(id === a.jobId ? a : { ...a, jobId: id });
    }
    const unscheduled: Schedule["unscheduled"] = [];
    for (const u of schedule.unscheduled) {
      const id = u.jobId === PROBE_ID ? undefined : named(u.jobId);
      if (id !== undefined) unscheduled.push(id === u.jobId ? u : { ...u, jobId: id });
    }
    return { ...schedule, assignments, unscheduled };
  }

  /** Puts `job` in its best slot and keeps it there; null (nothing changed) when there is none. */
  place(job: Job, query: SlotQuery = {}): Slot | null {
    this.assertRoomFor(job.family);
    const slot = this.placeProbe(job, query);
    if (!slot) return null;
    const j = this.takeSpare(job.id);
    const model = this.model, p = this.probe;
    const l = this.solution.jobLine[p] as number;
    const line = this.solution.lines[l] as LineSequence;
    const k = line.positionOf(p);
    this.solution.remove(p);
    model.jobFamily[j] = this.familyOf(job.family, true);
    model.jobRelease[j] = model.jobRelease[p] as number;
    model.jobDue[j] = model.jobDue[p] as number;
    model.jobWeight[j] = model.jobWeight[p] as number;
    const lineCount = model.lineCount;
    for (let m = 0; m < lineCount; m++) model.processing[j * lineCount + m] = model.processing[p * lineCount + m] as number;
    this.insertAt(l, k, j, false);
    // where it was placed is where it is meant to be (a spare's home is left from its last use)
    this.homeStart[j] = this.anchorStart[j] as number;
    return slot;
  }

  /**
   * Keeps `job` at its place; false when it holds nothing: its place is not on the board
   * (nothing changed), or the line has no room left for it — then it stays on the board's books
   * and takes its place when a change makes room, as on a board compiled with it.
   */
  hold(job: HeldJob): boolean {
    const model = this.model;
    const l = model.lineIndex.get(job.lineId);
    const startEpoch = isoToEpochMinutes(job.start);
    if (l === undefined || startEpoch === null) return false;
    if (!job.requires.every((c) => this.lineCapabilities[l]!.has(c))) return false;
    const start = startEpoch - model.epochOffset;
    const p = processingMinutes(job.minutes, this.lineSpeed[l]);
    // Held time already past, or beyond the horizon, holds nothing.
    if (start + p <= 0 || start >= model.horizon) return false;
    this.assertRoomFor(job.family);
    const j = this.takeSpare(job.id);
    this.held[j] = 1;
    model.jobFamily[j] = this.familyOf(job.family, true);
    model.jobRelease[j] = 0;
    model.jobDue[j] = (isoToEpochMinutes(job.due) ?? startEpoch) - model.epochOffset;
    model.jobWeight[j] = job.weight ?? 1;
    const lineCount = model.lineCount;
    for (let m = 0; m < lineCount; m++) model.processing[j * lineCount + m] = m === l ? p : -1;
    const line = this.solution.lines[l] as LineSequence;
    const k = this.homePosition(line, start);
    // the jobs after it are placed anew behind it, from where they are meant to be (one pushed
    // before may now start earlier, e.g. after a shorter setup), as a compiled board places them
    this.sendHome(line, k);
    this.anchorLine[j] = l;
    this.anchorStart[j] = start;
    this.homeStart[j] = start;
    // sticky: it keeps its place wherever the jobs before it let it start by then
    if (this.insertAt(l, k, j, true)) {
      this.letRoomlessBackIn(line);
      return true;
    }
    // the line's jobs are back where they were: sent home, they decode to the same starts
    this.settle(line, k);
    // no room for it at all: it holds nothing until a change on its line makes room, as on a
    // compiled board
    this.anchorLine[j] = l;
    this.roomless.add(j);
    return false;
  }

  /** Takes a job off the board (the jobs after it go back to their places where the line lets them). */
  remove(jobId: string): void {
    const j = this.live.get(jobId);
    if (j === undefined) return;
    const l = this.solution.jobLine[j] as number;
    if (l >= 0) {
      this.touch(l);
      const line = this.solution.lines[l] as LineSequence;
      const k = line.positionOf(j);
      this.solution.remove(j);
      // The jobs after it go back to where they are meant to be wherever the line now lets them
      // (one it had pushed returns; a changed setup can unstick one) and are anchored there.
      this.sendHome(line, k);
      line.rebuildFrom(k);
      this.settle(line, k);
      this.letRoomlessBackIn(line);
    }
    this.roomless.delete(j);
    this.release(jobId, j);
  }

  /** Remembers the board as it is; `rollback` returns to it. One checkpoint at a time. */
  checkpoint(): void {
    this.journal = { lines: new Map(), steps: [], roomless: new Set(this.roomless) };
  }

  rollback(): void {
    const journal = this.journal;
    if (!journal) throw new Error("rollback without a checkpoint");
    this.journal = null;
    this.roomless = journal.roomless;
    // undone in reverse order: the board's books end exactly as they were
    for (let i = journal.steps.length - 1; i >= 0; i--) {
      const step = journal.steps[i]!;
      if (step.kind === "anchor") {
        this.anchorStart[step.job] = step.start;
      } else if (step.kind === "take") {
        this.live.delete(step.id);
        this.names[step.job] = undefined;
        this.freeSpares.push(step.job);
      } else {
        this.live.set(step.id, step.job);
        this.names[step.job] = step.id;
        if (this.isSpare(step.job)) this.freeSpares.splice(this.freeSpares.lastIndexOf(step.job), 1);
      }
    }
    const jobLine = this.solution.jobLine;
    for (const [l, jobs] of journal.lines) {
      const line = this.solution.lines[l] as LineSequence;
      for (let k = 0; k < line.length; k++) jobLine[line.jobs[k] as number] = -1;
      // decoded from the start: anchors changed too, not only the sequence
      line.setJobs(jobs);
      for (let k = 0; k < jobs.length; k++) jobLine[jobs[k] as number] = l;
    }
  }

  // ------------------------------------------------------------------ internals

  private isHeld(j: number): boolean {
    return this.held[j] === 1;
  }

  private isSpare(j: number): boolean {
    return (this.model.jobIds[j] as string).startsWith(SPARE_PREFIX);
  }

  private assertRoomFor(family: string): void {
    if (this.freeSpares.length === 0) throw new Error("the board has no spare job left: compile it again with more room");
    if (!this.knowsFamily(family)) throw new Error(`the board has no room for another setup family (${family}): compile it again`);
  }

  private takeSpare(jobId: string): number {
    if (this.live.has(jobId)) throw new RepairInputError(`job ${jobId} is in the plan already`);
    const j = this.freeSpares.pop();
    if (j === undefined) throw new Error("the board has no spare job left: compile it again with more room");
    this.held[j] = 0;
    this.live.set(jobId, j);
    this.names[j] = jobId;
    this.journal?.steps.push({ kind: "take", id: jobId, job: j });
    return j;
  }

  /** The id is no longer on the board; a spare is free again. */
  private release(jobId: string, j: number): void {
    this.live.delete(jobId);
    this.names[j] = undefined;
    if (this.isSpare(j)) this.freeSpares.push(j);
    this.journal?.steps.push({ kind: "release", id: jobId, job: j });
  }

  /** The family index of a name; `learn` gives a name the instance never knew a spare family. */
  private familyOf(name: string, learn: boolean): number {
    const known = this.model.familyIndex.get(name) ?? this.learnedFamilies.get(name);
    if (known !== undefined) return known;
    if (!learn) return this.probeFamily;
    const family = this.freeFamilies.pop() as number;
    this.learnedFamilies.set(name, family);
    return family;
  }

  /** Saves a line's sequence before its first change since the checkpoint. */
  private touch(l: number): void {
    const journal = this.journal;
    if (journal && !journal.lines.has(l)) journal.lines.set(l, (this.solution.lines[l] as LineSequence).copyJobs());
  }

  /**
   * Inserts job j at position k of line l and anchors it at the start it decodes to: at its
   * anchor when `sticky` (held capacity), else as early as the sequence allows (a placed slot).
   * False, with nothing changed, when it finds no room there.
   */
  private insertAt(l: number, k: number, j: number, sticky: boolean): boolean {
    this.touch(l);
    if (!sticky) this.anchorLine[j] = -1;
    this.solution.insert(l, k, j);
    const line = this.solution.lines[l] as LineSequence;
    const start = line.start[k] as number;
    if (start < 0) {
      this.solution.remove(j);
      this.anchorLine[j] = -1;
      return false;
    }
    this.anchorLine[j] = l;
    this.anchorStart[j] = start;
    this.settle(line, k + 1);
    if (line.moves > 0) line.rebuildFrom(k);
    return true;
  }

  /**
   * Where a job held from `start` goes in the line: after the jobs meant to start earlier, and
   * after those held at the same start (held before it), before the rest — the order a board
   * compiled with it sorts the line in (by where each job is meant to be, not where it was
   * pushed or let go earlier: a job whose place no longer decodes can sit far from it).
   */
  private homePosition(line: LineSequence, start: number): number {
    let k = 0, hi = line.length;
    while (k < hi) {
      const mid = (k + hi) >> 1;
      const home = this.homeStart[line.jobs[mid] as number] as number;
      if (home < start || (home === start && this.isHeld(line.jobs[mid] as number))) k = mid + 1;
      else hi = mid;
    }
    return k;
  }

  /**
   * Anchors the jobs from position k on where they are meant to be, so the next decode places
   * each where a board compiled afresh would: at home when the line lets it start by then, else
   * where the jobs before it let it (the line must be decoded from k afterwards).
   */
  private sendHome(line: LineSequence, k: number): void {
    for (let i = k; i < line.length; i++) {
      const j = line.jobs[i] as number;
      if (this.anchorStart[j] === this.homeStart[j]) continue;
      this.journal?.steps.push({ kind: "anchor", job: j, start: this.anchorStart[j] as number });
      this.anchorStart[j] = this.homeStart[j] as number;
    }
  }

  /**
   * Puts the line's jobs without room back where they are meant to be, and the jobs after them
   * too; those that still find none go off again. As a compiled board decodes them in place: a
   * job without room leaves the line as it found it.
   */
  private letRoomlessBackIn(line: LineSequence): void {
    if (this.roomless.size === 0) return;
    this.touch(line.line);
    let from = Infinity;
    for (const j of this.roomless) {
      // taken off the board since, or back on a line (a rollback, a re-used spare)
      if (this.names[j] === undefined || (this.solution.jobLine[j] as number) >= 0) {
        this.roomless.delete(j);
        continue;
      }
      if (this.anchorLine[j] !== line.line) continue;
      this.roomless.delete(j);
      const k = this.homePosition(line, this.homeStart[j] as number);
      this.solution.insert(line.line, k, j);
      if (k < from) from = k;
    }
    if (from === Infinity) return;
    this.sendHome(line, from);
    line.rebuildFrom(from);
    this.settle(line, from);
  }

  /**
   * From position k on: a job the change pushed is anchored at its new start, one left without
   * room is taken off the line (it holds nothing until a later change lets it back in).
   * Afterwards the line decodes to its anchors.
   */
  private settle(line: LineSequence, k: number): void {
    let changed = false;
    for (let i = k; i < line.length; ) {
      const j = line.jobs[i] as number;
      const start = line.start[i] as number;
      if (start < 0) {
        this.solution.jobLine[j] = -1;
        this.roomless.add(j);
        line.removeAt(i);
        changed = true;
        continue;
      }
      if (start !== this.anchorStart[j]) {
        this.journal?.steps.push({ kind: "anchor", job: j, start: this.anchorStart[j] as number });
        this.anchorStart[j] = start;
        changed = true;
      }
      i++;
    }
    if (changed) line.rebuildFrom(k);
  }

  /** Writes the job into the probe's slots; false when it cannot run anywhere. */
  private loadProbe(job: Job, query: SlotQuery): boolean {
    const model = this.model, p = this.probe;
    const minutes = (iso: string) => (isoToEpochMinutes(iso) as number) - model.epochOffset;
    // a family the plan has never seen changes over at the default setup, like the probe's own
    model.jobFamily[p] = this.familyOf(job.family, false);
    let release = job.release === undefined ? 0 : minutes(job.release);
    if (query.notBefore !== undefined) release = Math.max(release, minutes(query.notBefore));
    model.jobRelease[p] = Math.max(0, release);
    model.jobDue[p] = minutes(job.due);
    model.jobWeight[p] = job.weight ?? 1;
    let count = 0;
    for (let l = 0; l < model.lineCount; l++) {
      const capable = job.requires.every((c) => this.lineCapabilities[l]!.has(c));
      model.processing[p * model.lineCount + l] = capable ? processingMinutes(job.minutes, this.lineSpeed[l]) : -1;
      if (capable) model.eligibleLines[this.probeRowStart + count++] = l;
    }
    model.eligibleStart[p + 1] = this.probeRowStart + count;
    return count > 0;
  }

  private movedOnLine(l: number): MovedJob[] {
    const model = this.model, line = this.solution.lines[l] as LineSequence;
    const iso = (m: number) => epochMinutesToIso(model.epochOffset + m);
    const moved: MovedJob[] = [];
    for (let k = 0; k < line.length; k++) {
      const j = line.jobs[k] as number;
      if (j === this.probe || line.start[k] === this.anchorStart[j]) continue;
      const lineId = model.lineIds[l] as string;
      moved.push({ jobId: this.publicId(j), from: { lineId, start: iso(this.anchorStart[j] as number) }, to: { lineId, start: iso(line.start[k] as number) } });
    }
    return moved;
  }

  /** The id a job was held or placed under (a spare's own id is internal). */
  private publicId(j: number): string {
    return this.names[j] ?? (this.model.jobIds[j] as string);
  }

  /** The probe in the best slot for `job` (left there), or null. */
  private placeProbe(job: Job, query: SlotQuery): Slot | null {
    if (this.live.has(job.id)) throw new RepairInputError(`job ${job.id} is in the plan already`);
    if (!this.loadProbe(job, query)) return null;
    const model = this.model, solution = this.solution, p = this.probe;
    const choice = newInsertionChoice();
    const search = { blinkRate: 0, random: null, positionWindow: Infinity, maxMoves: query.maxMoves ?? 0 };
    const tardiness = solution.tardiness(), setups = solution.setupTotal();
    if (!findBestInsertion(solution, p, search, choice)) return null;
    solution.insert(choice.line, choice.position, p);
    const line = solution.lines[choice.line] as LineSequence;
    const k = choice.position;
    const start = line.start[k] as number;
    const iso = (m: number) => epochMinutesToIso(model.epochOffset + m);
    return {
      lineId: model.lineIds[choice.line] as string,
      start: iso(start),
      end: iso(start + (model.processing[p * model.lineCount + choice.line] as number)),
      setupMinutes: line.setup[k] as number,
      addedTardiness: solution.tardiness() - tardiness,
      addedSetupMinutes: solution.setupTotal() - setups,
      moved: this.movedOnLine(choice.line),
    };
  }
}

type Journal = {
  /** each changed line's sequence at the checkpoint */
  lines: Map<number, Int32Array>;
  /** what changed since, in order: an anchor moved, a spare given an id, an id taken off */
  steps: Array<{ kind: "anchor"; job: number; start: number } | { kind: "take" | "release"; id: string; job: number }>;
  /** the jobs without room at the checkpoint */
  roomless: Set<number>;
};
