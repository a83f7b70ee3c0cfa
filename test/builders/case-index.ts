/** Builds the precomputed index of a case file built with aCaseFile (for measure tests). */
import { toDayNumber } from '../../src/domain/calendar/business-date';
import { buildCaseIndex, type CaseIndex } from '../../src/domain/assessment/measures/case-index';
import { aCaseFile, type CaseFileOverrides } from './case-file';

export function anIndex(overrides: CaseFileOverrides = {}): CaseIndex {
  return buildCaseIndex(aCaseFile(overrides));
}

/** Day number of a date (measures work on day numbers). */
export const day = toDayNumber;
