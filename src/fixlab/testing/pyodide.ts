/**
 * One Pyodide and one checker per test file (loading takes seconds), and a
 * helper that checks code to the end.
 */
import { loadPyodideInNode } from '../node/load.ts';
import { createChecker } from '../checker.ts';
import type { CheckOutcome, CheckResult, FixChecker } from '../protocol.ts';

let pyodide: ReturnType<typeof loadPyodideInNode> | null = null;
let shared: Promise<FixChecker> | null = null;

export function testPyodide(): ReturnType<typeof loadPyodideInNode> {
  pyodide ??= loadPyodideInNode();
  return pyodide;
}

export function testChecker(): Promise<FixChecker> {
  shared ??= testPyodide().then(createChecker);
  return shared;
}

export async function checkCode(
  code: string,
  bound = 2,
  stepLimit = 5_000,
): Promise<CheckOutcome<CheckResult>> {
  const checker = await testChecker();
  return checker.check({ code, bound, stepLimit });
}

export async function checked(code: string, bound = 2, stepLimit = 5_000): Promise<CheckResult> {
  const outcome = await checkCode(code, bound, stepLimit);
  if (!outcome.ok) throw new Error(`expected the check to run: ${outcome.error}`);
  return outcome.value;
}

/** The outcome keys a result reached, sorted. */
export function kinds(result: CheckResult): string[] {
  return Object.keys(result.byOutcome).sort();
}
