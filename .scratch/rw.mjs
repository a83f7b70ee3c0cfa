import { register } from 'tsx/esm/api';
register();
const { Command, CommanderError } = await import('commander');
const { registerImportPayments } = await import('../src/cli/commands/import-payments.ts');
const { registerImportTenancies } = await import('../src/cli/commands/import-tenancies.ts');
const { registerSuspense } = await import('../src/cli/commands/suspense.ts');
const { registerExceptions } = await import('../src/cli/commands/exceptions.ts');
const program = new Command('rentwise').option('--db <dir>').showHelpAfterError().exitOverride();
registerImportPayments(program); registerImportTenancies(program); registerSuspense(program); registerExceptions(program);
try { await program.parseAsync(process.argv); } catch (e) { if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : 2; else throw e; }
