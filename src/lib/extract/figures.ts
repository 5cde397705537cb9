/** What the extractor proposes, and the one place where proposals for the same metric are reconciled. */
import type { Qualifier } from '../core/schema.ts';

/** The sentence or table row a figure was read from, and where in it the number is (for the review page). */
export interface Evidence {
  text: string;
  start: number;
  end: number;
}

export interface ProposedFigure {
  metric: string;
  value: number;
  qualifier: Qualifier;
  /** Where in the report, in the curated file's style: `表三 row 一 col total`, `一(二) narrative`. */
  locator: string;
  /** 0–1: how much the rule that produced the figure deserves trust; a curator reviews every figure anyway. */
  confidence: number;
  evidence?: Evidence | undefined;
}

/**
 * Collects figures and warnings. The first proposal for a metric wins (tables are read before narrative,
 * and the overview before later restatements); a later, different value becomes a warning, never a silent
 * overwrite.
 */
export class Proposals {
  readonly figures: ProposedFigure[] = [];
  readonly warnings: string[] = [];

  get(metric: string): ProposedFigure | undefined {
    return this.figures.find((f) => f.metric === metric);
  }

  add(figure: ProposedFigure): void {
    const earlier = this.get(figure.metric);
    if (!earlier) {
      this.figures.push(figure);
      return;
    }
    if (earlier.value !== figure.value || earlier.qualifier !== figure.qualifier) {
      this.warn(
        `${figure.metric}: ${earlier.locator} gives ${earlier.value}, ${figure.locator} gives ${figure.value}; kept the first, check which is right`,
      );
    }
  }

  /** Withdraw a proposal that later text showed to be something else (a sum of posts, a restatement). */
  remove(figure: ProposedFigure): void {
    const at = this.figures.indexOf(figure);
    if (at >= 0) this.figures.splice(at, 1);
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }
}
