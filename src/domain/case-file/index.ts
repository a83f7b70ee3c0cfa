export * from './case-file';
export { parseCaseFile, type ParseCaseFileResult } from './parse-case-file';
