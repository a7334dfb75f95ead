/**
 * A lower bound on what delaying the rest of a line costs, per chain of jobs that each start
 * right after their predecessor and setup: a delay d at the head of a chain delays all of it by
 * d at least (a window can only add to it), and the idle gap before the next chain absorbs at
 * most its length. The line's evaluations prune with it.
 */
export class PushBound {
  /** weight of the late jobs from position k to the end of its chain */
  private weight = new Float64Array(1);
  /** the idle gap before the job at position k */
  private idle = new Int32Array(1);
  /** where the chain after position k starts */
  private next = new Int32Array(1);
  private length = 0;

  /**
   * Recomputes the chains of a decoded line: positions 0..n-1 hold `jobs` starting at `start`
   * after a setup `setup`, the state before each ending at `stateEnd`.
   */
  update(
    n: number,
    jobs: Int32Array,
    start: Int32Array,
    setup: Int32Array,
    stateEnd: Int32Array,
    processing: Int32Array,
    lineCount: number,
    line: number,
    due: Float64Array,
    jobWeight: Float64Array,
  ): void {
    if (this.weight.length < n + 1) {
      const c = Math.max(n + 1, 2 * this.weight.length);
      this.weight = new Float64Array(c);
      this.idle = new Int32Array(c);
      this.next = new Int32Array(c);
    }
    const weight = this.weight, idle = this.idle, next = this.next;
    this.length = n;
    weight[n] = 0;
    idle[n] = 0;
    next[n] = n;
    for (let i = n - 1; i >= 0; i--) {
      const t = start[i] as number;
      if (t < 0) {
        // a job that found no room breaks every chain
        weight[i] = 0;
        idle[i] = 1 << 30;
        next[i] = i + 1;
        continue;
      }
      idle[i] = t - (setup[i] as number) - (stateEnd[i] as number);
      const chained = i + 1 < n && idle[i + 1] === 0;
      const j = jobs[i] as number;
      const late = t + (processing[j * lineCount + line] as number) - (due[j] as number);
      weight[i] = (late > 0 ? (jobWeight[j] as number) : 0) + (chained ? (weight[i + 1] as number) : 0);
      next[i] = chained ? (next[i + 1] as number) : i + 1;
    }
  }

  /** Tardiness that delaying the state before position k by d surely adds (a few chains deep). */
  bound(k: number, d: number): number {
    const n = this.length, weight = this.weight, idle = this.idle, next = this.next;
    let total = 0;
    for (let chains = 0; chains < 4 && k < n; chains++) {
      d -= idle[k] as number;
      if (d <= 0) break;
      total += d * (weight[k] as number);
      k = next[k] as number;
    }
    return total;
  }
}
