/**
 * The entry point every command shares: a result printed as it is, a synchronous
 * command printed at once, an asynchronous one once it has finished, and a throw or
 * a rejection reported as a bug (exit 1). Real processes are in spawn.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandResult } from './args.ts';
import { isEntryPoint, runMain } from './io.ts';

function capture(): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  return { out, err };
}

const RESULT: CommandResult = { code: 2, stdout: 'out\n', stderr: 'err\n' };

describe('runMain', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = exitCode;
  });

  it('prints a synchronous result at once and sets its exit status', () => {
    const { out, err } = capture();
    runMain(() => RESULT);
    expect(out).toEqual(['out\n']);
    expect(err).toEqual(['err\n']);
    expect(process.exitCode).toBe(2);
  });

  it('prints an asynchronous result once it has come', async () => {
    const { out } = capture();
    let resolve: (r: CommandResult) => void = () => undefined;
    runMain(() => new Promise<CommandResult>((r) => (resolve = r)));
    expect(out).toEqual([]);
    resolve(RESULT);
    await vi.waitFor(() => expect(out).toEqual(['out\n']));
    expect(process.exitCode).toBe(2);
  });

  it.each([
    [
      'a throw',
      () => {
        throw new Error('boom');
      },
    ],
    ['a rejection', () => Promise.reject(new Error('boom'))],
  ])('reports %s as a bug: exit 1, nothing on stdout', async (_, main) => {
    const { out, err } = capture();
    runMain(main);
    await vi.waitFor(() => expect(err.join('')).toMatch(/^Internal error \(a bug/));
    expect(err.join('')).toContain('boom');
    expect(out.join('')).toBe('');
    expect(process.exitCode).toBe(1);
  });
});

describe('isEntryPoint', () => {
  it('is true only for the script Node was started with', () => {
    const started = process.argv[1];
    try {
      process.argv[1] = fileURLToPath(import.meta.url);
      expect(isEntryPoint(import.meta.url)).toBe(true);
    } finally {
      process.argv[1] = started as string;
    }
    expect(isEntryPoint(import.meta.url)).toBe(false);
    expect(isEntryPoint('file:///no/such/script.ts')).toBe(false);
    expect(isEntryPoint('not a url')).toBe(false);
  });
});
