import type { Statement } from '../../../domain/statements/statement';

export interface StatementJson {
  tenancyRef: string;
  from: string;
  to: string;
  openingBalancePence: number;
  closingBalancePence: number;
  subAccounts: { kind: string; balancePence: number }[];
  lines: { date: string; description: string; subAccount: string; debitPence: number; creditPence: number; balancePence: number }[];
  asOf: string;
  mode: Statement['mode'];
  arrearsBegan: string | null;
  totals: { debitsPence: number; creditsPence: number };
}

/**
 * The statement as a JSON document (integer pence): the fields of the CLI's `--format json` in that
 * order, then `asOf`, `mode`, `arrearsBegan` and `totals`.
 */
export function statementToJson(s: Statement): StatementJson {
  return {
    tenancyRef: s.tenancyRef,
    from: s.from,
    to: s.to,
    openingBalancePence: s.openingBalancePence,
    closingBalancePence: s.closingBalancePence,
    subAccounts: s.subAccounts.map((a) => ({ kind: a.kind, balancePence: a.balancePence })),
    lines: s.lines.map((l) => ({
      date: l.date,
      description: l.description,
      subAccount: l.subAccount,
      debitPence: l.debitPence,
      creditPence: l.creditPence,
      balancePence: l.balancePence,
    })),
    asOf: s.asOf,
    mode: s.mode,
    arrearsBegan: s.arrearsBegan,
    totals: { debitsPence: s.totals.debitsPence, creditsPence: s.totals.creditsPence },
  };
}

/** `statementToJson` as text: two-space indented, with a final newline. */
export function renderStatementJson(s: Statement): string {
  return `${JSON.stringify(statementToJson(s), null, 2)}\n`;
}
