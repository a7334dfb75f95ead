import type { JobRow, LineRow } from "./decide-line-batch";

/**
 * The lines' and jobs' states as this process last committed or read them under lock — what
 * the ingestor decides the next events on. Only a guess: every commit made on it verifies it
 * first (commit-verified-line-events.ts), and a wrong guess costs a trip through the locked
 * path, which refreshes it. Bounded: the least recently used entries are dropped.
 */
export class LineStateCache {
  private readonly lines = new Map<string, LineRow>();
  private readonly jobs = new Map<string, JobRow>();

  constructor(private readonly maxLines = 10_000, private readonly maxJobs = 50_000) {}

  line(id: string): LineRow | undefined {
    return this.lines.get(id);
  }

  job(id: string): JobRow | undefined {
    return this.jobs.get(id);
  }

  remember(lines: Iterable<LineRow>, jobs: Iterable<JobRow>): void {
    for (const line of lines) put(this.lines, line.id, line, this.maxLines);
    for (const job of jobs) put(this.jobs, job.id, job, this.maxJobs);
  }

  /** Forgets a line (its state is unknown: an error, or a verification that failed). */
  forgetLine(id: string): void {
    this.lines.delete(id);
  }

  get size(): { lines: number; jobs: number } {
    return { lines: this.lines.size, jobs: this.jobs.size };
  }
}

/** Re-inserting moves an entry to the end of the Map's order: the first entries are the least recently used. */
function put<T>(map: Map<string, T>, id: string, value: T, max: number): void {
  map.delete(id);
  map.set(id, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}
