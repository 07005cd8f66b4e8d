import type { Problem, ProblemKind } from './problem';

/** Kinds that stop us (and bbolt) from trusting the tree; the status fields are then left null. */
const NOT_STRUCTURAL: ReadonlySet<ProblemKind> = new Set([
  'trailer-mismatch',
  'trailer-missing',
  'truncated',
  'padded',
]);
/** Every problem a verification finds: counted, and kept up to a limit for the report. */
export class Findings {
  readonly kept: Problem[] = [];
  count = 0;
  errors = 0;
  structural = 0;

  constructor(private readonly max: number) {}

  readonly add = (problem: Problem): void => {
    this.count++;
    if (problem.severity === 'error') {
      this.errors++;
      if (!NOT_STRUCTURAL.has(problem.kind)) this.structural++;
    }
    if (this.kept.length < this.max) this.kept.push(problem);
  };
}
