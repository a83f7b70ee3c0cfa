import type { Command } from 'commander';
import { registerAccount } from './account';
import { registerAssess } from './assess';
import { registerBacktest } from './backtest';
import { registerDemo } from './demo';
import { registerExceptions } from './exceptions';
import { registerExportCase } from './export-case';
import { registerImportCase } from './import-case';
import { registerImportPayments } from './import-payments';
import { registerImportTenancies } from './import-tenancies';
import { registerMigrate } from './migrate';
import { registerNotice } from './notice';
import { registerPolicy } from './policy';
import { registerRebuild } from './rebuild';
import { registerRentChange } from './rent-change';
import { registerRunDaily } from './run-daily';
import { registerServe } from './serve';
import { registerStatement } from './statement';
import { registerSuspense } from './suspense';
import { registerTenancies } from './tenancies';
import { registerUsers } from './users';

/** Every command of the command line (contracts/cli-and-files.md). One file per command. */
export function registerCommands(program: Command): void {
  registerAssess(program);
  registerMigrate(program);
  registerRunDaily(program);
  registerImportCase(program);
  registerExportCase(program);
  registerAccount(program);
  registerTenancies(program);
  registerDemo(program);
  registerStatement(program);
  registerImportPayments(program);
  registerImportTenancies(program);
  registerSuspense(program);
  registerExceptions(program);
  registerUsers(program);
  registerServe(program);
  registerNotice(program);
  registerPolicy(program);
  registerBacktest(program);
  registerRebuild(program);
  registerRentChange(program);
}
