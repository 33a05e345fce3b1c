export interface BenchFigure {
  value: number;
  unit: string;
  /** human-readable target, e.g. "≤ 15" */
  target: string;
  /** whether the value meets the target (computed by the module) */
  ok?: boolean;
}
export type BenchResults = Record<string, BenchFigure>;

export interface BenchContext {
  /** project root */
  root: string;
  /** path of Chromium to use */
  chromePath: string;
  log: (line: string) => void;
}

export type BenchModule = (ctx: BenchContext) => Promise<BenchResults>;
