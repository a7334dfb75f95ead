import type { Cardinality, Clause, CspModel } from "./csp-model";

export interface SolveQuery {
  /** Extra clauses for this query only (e.g. "option X is not chosen" is violated → X is chosen). */
  assume?: Clause[];
  /** Per rule index: 0 leaves the rule out (for minimal explanations). */
  enabledRules?: Uint8Array;
  /** Lift these groups' "must have a value" and minimum picks (to test whether a group is the culprit). */
  relaxedGroups?: ReadonlySet<number>;
  /** Per flat value: 1 to try that value first (to cover untested options quickly). */
  preferred?: Uint8Array;
}

export interface SolveResult {
  /** The value index chosen per variable, or null when no solution exists. */
  solution: Int32Array | null;
  /**
   * Rules whose clauses pruned a value or failed during the search. When there is no solution,
   * these rules alone already prove it: the others never influenced the search, so dropping them
   * replays the same search tree. A cheap first cut before computing a minimal conflict.
   */
  firedRules: number[];
  /** Search gave up at the node limit: the answer is unknown. */
  exhausted: boolean;
}

interface RootState {
  alive: Uint8Array;
  size: Int32Array;
  fired: Set<number>;
  consistent: boolean;
}

// A safety net for pathological definitions; real products need a few hundred nodes.
const NODE_LIMIT = 2_000_000;

/**
 * Backtracking search with propagation over the finite domains (a DPLL for CSPs): a clause with
 * all units but one entailed removes the remaining unit's values; a multi group's pick counts are
 * bounded by its cardinality. Complete: "no solution" is a proof, not a failure to find one.
 */
export class Solver {
  private readonly alive: Uint8Array;
  private readonly size: Int32Array;
  /** The variable each flat value belongs to. */
  private readonly owner: Int32Array;
  private readonly trail: number[] = [];
  private readonly watches: number[][];
  private readonly cardinalityWatches: number[][];
  /** Query clauses, watched separately so the model's watch lists are built once. */
  private assumed: Clause[] = [];
  private readonly extraWatches: number[][];
  private rootCache: RootState | null = null;
  private query: SolveQuery = {};
  private fired = new Set<number>();
  private nodes = 0;

  constructor(private readonly model: CspModel) {
    this.alive = new Uint8Array(model.valueCount);
    this.size = new Int32Array(model.variables.length);
    this.owner = new Int32Array(model.valueCount);
    model.variables.forEach((variable, index) => this.owner.fill(index, model.offsets[index] ?? 0, (model.offsets[index] ?? 0) + variable.size));
    this.watches = model.variables.map(() => []);
    this.extraWatches = model.variables.map(() => []);
    model.clauses.forEach((clause, index) => {
      for (const unit of clause.units) this.watches[unit.variable]?.push(index);
    });
    this.cardinalityWatches = model.variables.map(() => []);
    model.cardinalities.forEach((cardinality, index) => {
      for (const variable of cardinality.variables) this.cardinalityWatches[variable]?.push(index);
    });
  }

  get nodeCount(): number {
    return this.nodes;
  }

  solve(query: SolveQuery = {}): SolveResult {
    this.query = query;
    this.assumed = [];
    for (const list of this.extraWatches) list.length = 0;
    const standard = query.enabledRules === undefined && query.relaxedGroups === undefined;
    let start: number[];
    if (standard) {
      // Most queries share the full rule set: propagate it once and start every search from there.
      this.rootCache ??= this.propagateRoot();
      this.alive.set(this.rootCache.alive);
      this.size.set(this.rootCache.size);
      this.trail.length = 0;
      this.fired = new Set(this.rootCache.fired);
      if (!this.rootCache.consistent) return { solution: null, exhausted: false, firedRules: this.firedRules() };
      start = [];
    } else {
      this.reset();
      start = this.model.variables.map((_, index) => index);
    }
    this.assumed = query.assume ?? [];
    this.assumed.forEach((clause, index) => {
      for (const unit of clause.units) {
        this.extraWatches[unit.variable]?.push(index);
        start.push(unit.variable);
      }
    });

    const budgetAtStart = this.nodes;
    let exhausted = false;
    const search = (changed: number[]): boolean => {
      this.nodes += 1;
      if (this.nodes - budgetAtStart > NODE_LIMIT) {
        exhausted = true;
        return false;
      }
      if (!this.propagate(changed)) return false;
      const variable = this.pickVariable();
      if (variable === -1) return true;
      for (const value of this.valueOrder(variable)) {
        const mark = this.trail.length;
        if (this.assign(variable, value) && search([variable])) return true;
        this.undo(mark);
        if (exhausted) return false;
      }
      return false;
    };

    if (!search(start)) return { solution: null, exhausted, firedRules: this.firedRules() };
    const solution = new Int32Array(this.model.variables.length);
    this.model.variables.forEach((variable, index) => {
      const offset = this.model.offsets[index] ?? 0;
      for (let value = 0; value < variable.size; value += 1) {
        if (this.alive[offset + value]) {
          solution[index] = value;
          break;
        }
      }
    });
    return { solution, exhausted: false, firedRules: this.firedRules() };
  }

  private firedRules(): number[] {
    return [...this.fired].filter((rule) => rule >= 0).sort((a, b) => a - b);
  }

  private reset(): void {
    this.alive.fill(1);
    this.model.variables.forEach((variable, index) => {
      this.size[index] = variable.size;
    });
    this.trail.length = 0;
    this.fired = new Set();
  }

  /** Propagation of every clause from full domains, kept with the rules that fired on the way. */
  private propagateRoot(): RootState {
    this.reset();
    const consistent = this.propagate(this.model.variables.map((_, index) => index));
    return { alive: this.alive.slice(), size: this.size.slice(), fired: new Set(this.fired), consistent };
  }

  private isActive(clause: Clause): boolean {
    if (clause.rule >= 0) return this.query.enabledRules?.[clause.rule] !== 0;
    return clause.requiredGroup < 0 || !this.query.relaxedGroups?.has(clause.requiredGroup);
  }

  private remove(variable: number, value: number): boolean {
    const flat = (this.model.offsets[variable] ?? 0) + value;
    if (!this.alive[flat]) return true;
    this.alive[flat] = 0;
    this.trail.push(flat);
    this.size[variable] = (this.size[variable] ?? 0) - 1;
    return (this.size[variable] ?? 0) > 0;
  }

  private undo(mark: number): void {
    while (this.trail.length > mark) {
      const flat = this.trail.pop()!;
      this.alive[flat] = 1;
      const variable = this.variableOf(flat);
      this.size[variable] = (this.size[variable] ?? 0) + 1;
    }
  }

  private variableOf(flat: number): number {
    return this.owner[flat] ?? 0;
  }

  private assign(variable: number, value: number): boolean {
    const size = this.model.variables[variable]?.size ?? 0;
    for (let other = 0; other < size; other += 1) if (other !== value && !this.remove(variable, other)) return false;
    return true;
  }

  private isAlive(variable: number, value: number): boolean {
    return this.alive[(this.model.offsets[variable] ?? 0) + value] === 1;
  }

  private propagate(initial: number[]): boolean {
    const queue = [...initial];
    const queued = new Uint8Array(this.model.variables.length);
    for (const variable of queue) queued[variable] = 1;
    while (queue.length > 0) {
      const variable = queue.pop()!;
      queued[variable] = 0;
      const before = this.trail.length;
      for (const clauseIndex of this.watches[variable] ?? []) {
        const clause = this.model.clauses[clauseIndex]!;
        if (this.isActive(clause) && !this.propagateClause(clause)) return false;
      }
      for (const clauseIndex of this.extraWatches[variable] ?? []) {
        if (!this.propagateClause(this.assumed[clauseIndex]!)) return false;
      }
      for (const cardinalityIndex of this.cardinalityWatches[variable] ?? []) {
        if (!this.propagateCardinality(this.model.cardinalities[cardinalityIndex]!)) return false;
      }
      for (let i = before; i < this.trail.length; i += 1) {
        const changed = this.variableOf(this.trail[i]!);
        if (!queued[changed]) {
          queued[changed] = 1;
          queue.push(changed);
        }
      }
    }
    return true;
  }

  private propagateClause(clause: Clause): boolean {
    let open = -1;
    for (let i = 0; i < clause.units.length; i += 1) {
      const unit = clause.units[i]!;
      let inMask = 0;
      for (const value of unit.values) if (this.isAlive(unit.variable, value)) inMask += 1;
      if (inMask === 0) return true; // this unit can no longer hold: the clause is safe
      if (inMask === this.size[unit.variable]) continue; // entailed
      if (open !== -1) return true; // two undecided units: nothing to conclude yet
      open = i;
    }
    this.fired.add(clause.rule);
    if (open === -1) return false; // every unit holds: the rule is broken
    const unit = clause.units[open]!;
    for (const value of unit.values) if (!this.remove(unit.variable, value)) return false;
    return true;
  }

  private propagateCardinality(cardinality: Cardinality): boolean {
    let picked = 0;
    let undecided = 0;
    for (const variable of cardinality.variables) {
      if (!this.isAlive(variable, 0)) picked += 1;
      else if (this.isAlive(variable, 1)) undecided += 1;
    }
    const min = this.query.relaxedGroups?.has(cardinality.group) ? 0 : cardinality.min;
    if (picked > cardinality.max || picked + undecided < min) return false;
    if (undecided === 0) return true;
    if (picked === cardinality.max) {
      for (const variable of cardinality.variables) if (this.isAlive(variable, 0) && !this.remove(variable, 1)) return false;
    } else if (picked + undecided === min) {
      for (const variable of cardinality.variables) if (this.isAlive(variable, 1) && !this.remove(variable, 0)) return false;
    }
    return true;
  }

  /** The undecided variable with the fewest values left (first-fail); -1 when all are decided. */
  private pickVariable(): number {
    let best = -1;
    let bestSize = Infinity;
    for (let variable = 0; variable < this.size.length; variable += 1) {
      const size = this.size[variable] ?? 0;
      if (size > 1 && size < bestSize) {
        best = variable;
        bestSize = size;
        if (size === 2) break;
      }
    }
    return best;
  }

  private valueOrder(variable: number): number[] {
    const size = this.model.variables[variable]?.size ?? 0;
    const offset = this.model.offsets[variable] ?? 0;
    const preferred: number[] = [];
    const rest: number[] = [];
    for (let value = 0; value < size; value += 1) {
      if (!this.isAlive(variable, value)) continue;
      if (this.query.preferred?.[offset + value]) preferred.push(value);
      else rest.push(value);
    }
    return [...preferred, ...rest];
  }
}
