/**
 * Runs a command's `main(argv)` when its file is the process entry point
 * (`tsx src/cli/sim.ts ...`), prints what it returned and sets the exit
 * status. Tests import the same `main` and call it in-process.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CommandResult } from './args.ts';

export function runIfMain(
  moduleUrl: string,
  main: (argv: readonly string[]) => CommandResult,
): void {
  const entry = process.argv[1];
  if (!entry) return;
  let entryUrl: string;
  try {
    entryUrl = pathToFileURL(realpathSync(entry)).href;
  } catch {
    return;
  }
  if (entryUrl !== moduleUrl) return;
  let result: CommandResult;
  try {
    result = main(process.argv.slice(2));
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    result = {
      code: 1,
      stdout: '',
      stderr: `Internal error (a bug, please report it): ${detail}\n`,
    };
  }
  // A reader that goes away early (`| head`) is not an error of ours.
  process.stdout.on('error', () => undefined);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
