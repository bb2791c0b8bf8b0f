/**
 * Runs a command's `main(argv)` when its file is the process entry point
 * (`tsx src/cli/sim.ts ...`), prints what it returned and sets the exit
 * status. Tests import the same `main` and call it in-process.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommandResult } from './args.ts';

type Main = (argv: readonly string[]) => CommandResult | Promise<CommandResult>;

export function runIfMain(moduleUrl: string, main: Main): void {
  if (isEntryPoint(moduleUrl)) runMain(main);
}

/** Whether the module at `moduleUrl` is the script Node was started with (links resolved). */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/**
 * Runs `main` on the process's arguments and prints its result, once a command that
 * works asynchronously has finished; a throw or a rejection is a bug, exit status 1.
 */
export function runMain(main: Main): void {
  let result: CommandResult | Promise<CommandResult>;
  try {
    result = main(process.argv.slice(2));
  } catch (error) {
    result = internalError(error);
  }
  if (result instanceof Promise) void result.catch(internalError).then(print);
  else print(result);
}

function internalError(error: unknown): CommandResult {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    code: 1,
    stdout: '',
    stderr: `Internal error (a bug, please report it): ${detail}\n`,
  };
}

function print(result: CommandResult): void {
  // A reader that goes away early (`| head`) is not an error of ours.
  process.stdout.on('error', () => undefined);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
