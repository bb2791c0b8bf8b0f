/**
 * Bad input and hostile code: refused before anything runs, or ending in a
 * clear outcome, never a hang or an uncaught error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEADLOCK, OK, OUTPUT_LIMIT, STEP_LIMIT } from './protocol.ts';
import { BUGGY, inFlush, inInit } from './testing/fixtures.ts';
import { checkCode, checked, kinds, testChecker } from './testing/pyodide.ts';

const LAST_LINE = BUGGY.split('\n').length + 1;

async function problem(
  code: string,
): Promise<{ kind: string; message: string; line: number | null }> {
  const checker = await testChecker();
  const outcome = checker.validate(code);
  if (outcome.ok) throw new Error('expected the code to be refused');
  // check() refuses it the same way, before any schedule runs.
  const checkedOutcome = await checkCode(code, 0);
  expect(checkedOutcome.ok).toBe(false);
  return outcome.problem;
}

describe('refused before anything runs', () => {
  it.each([
    ['import os', 'os'],
    ['import sys', 'sys'],
    ['from js import fetch', 'js'],
    ['import pyodide.ffi', 'pyodide.ffi'],
    ['import subprocess', 'subprocess'],
    ['import socket', 'socket'],
    ['import importlib', 'importlib'],
    ['import builtins', 'builtins'],
  ])('%s names the module and the line', async (statement, module) => {
    const p = await problem(`${BUGGY}\n${statement}\n`);
    expect(p.kind).toBe('refused-import');
    expect(p.line).toBe(LAST_LINE);
    expect(p.message).toContain(`"${module}"`);
    expect(p.message).toMatch(new RegExp(`^line ${LAST_LINE}: `));
  });

  it.each([
    ['x = __import__("os")', '__import__'],
    ['eval("1")', 'eval'],
    ['exec("x = 1")', 'exec'],
    ['open("/etc/passwd")', 'open'],
    ['x = ().__class__.__bases__', '__bases__'],
    ['x = getattr(object, "__sub" + "classes__")', 'getattr'],
  ])('%s is refused with its line', async (statement, name) => {
    const p = await problem(`${BUGGY}\n${statement}\n`);
    expect(p.kind).toBe('refused-name');
    expect(p.line).toBe(LAST_LINE);
    expect(p.message).toContain(name);
  });

  it('a side effect before a refused import never runs', async () => {
    const code = `${BUGGY}\nprint("ran")\nimport os\n`;
    const p = await problem(code);
    expect(p.kind).toBe('refused-import');
  });

  it('a syntax error names its line', async () => {
    const p = await problem(BUGGY.replace('def flush(self):', 'def flush(self)'));
    expect(p.kind).toBe('syntax');
    const line = BUGGY.split('\n').findIndex((l) => l.includes('def flush(self):')) + 1;
    expect(p.line).toBe(line);
    expect(p.message).toMatch(new RegExp(`^line ${line}: SyntaxError`));
  });

  it('a missing method or a wrong signature is named', async () => {
    expect((await problem(BUGGY.replace('def flush(self):', 'def flash(self):'))).message).toBe(
      'MetricsBuffer has no method flush(self)',
    );
    const sig = await problem(BUGGY.replace('(self, metric, duration)', '(self, metric)'));
    expect(sig).toMatchObject({ kind: 'missing' });
    expect(sig.message).toContain('incr_timing');
    expect((await problem('x = 1\n')).message).toBe('the code defines no class MetricsBuffer');
  });

  it('an exception in __init__ names its line', async () => {
    const p = await problem(inInit('        raise ValueError("no backend")'));
    expect(p.kind).toBe('init');
    expect(p.message).toMatch(/^line \d+: MetricsBuffer\(metrics\) raised ValueError: no backend$/);
    const memory = await problem(inInit('        self.big = [0] * (2**31 - 1)'));
    expect(memory.message).toContain('MemoryError');
  });

  it('threading.Thread is refused with a sentence', async () => {
    const p = await problem(`${BUGGY}\nimport threading\nthreading.Thread(target=print).start()\n`);
    expect(p.message).toContain('threading.Thread is not available');
  });
});

describe('runaway and heavy code ends in a clear outcome', () => {
  it('a loop with switch points ends as step-limit, naming the thread and line', async () => {
    const r = await checked(inFlush('        while True:\n            pass'), 0, 500);
    expect(kinds(r)).toEqual([STEP_LIMIT]);
    expect(r.minimalReport?.stepLimit).toMatchObject({ limit: 500 });
    expect(r.minimalReport?.stepLimit?.line).toBeGreaterThan(0);
    // At a higher bound its variations are left out, and the result says it is incomplete.
    const deeper = await checked(inFlush('        while True:\n            pass'), 2, 500);
    expect(deeper.schedules).toBe(1);
    expect(deeper.complete).toBe(false);
  });

  it('deep recursion and MemoryError are crashes', async () => {
    const deep = await checked(
      inFlush('        def deep(n):\n            return deep(n + 1)\n        deep(0)'),
      0,
    );
    expect(kinds(deep).some((k) => k.startsWith('crash:RecursionError@'))).toBe(true);
    const memory = await checked(inFlush('        x = [0] * (2**31 - 1)'), 0);
    expect(kinds(memory).some((k) => k.startsWith('crash:MemoryError@'))).toBe(true);
  });

  it('huge output is cut, and the run still ends', async () => {
    const code = inFlush('        print("x" * 10**6)');
    const checker = await testChecker();
    const trace = checker.trace(code, 'f1');
    if (!trace.ok) throw new Error(trace.error);
    expect(trace.value.report.output).toHaveLength(OUTPUT_LIMIT);
    expect(trace.value.report.outputTruncated).toBe(true);
  });

  it('waiting on an Event nobody sets is a deadlock with nobody holding it', async () => {
    const code = `${BUGGY}\nimport threading\nnever = threading.Event()\n\ndef on_stuck(buffer, metrics):\n    never.wait()\n`;
    const r = await checked(code, 0);
    expect(kinds(r)).toEqual([DEADLOCK]);
    expect(r.minimalReport?.deadlock?.waiting).toEqual([
      expect.objectContaining({ thread: 'stuck', lock: 'never', heldBy: null }),
    ]);
  });
});

describe('Python features that need care', () => {
  it('decorators, super(), dataclasses, properties, Counter and a Condition all run', async () => {
    const code = readFileSync(new URL('./testing/features.py', import.meta.url), 'utf8');
    const r = await checked(code, 1);
    expect(kinds(r)).toEqual([OK]);
    expect(r.schedules).toBeGreaterThan(10);
  });

  it('callbacks from C code (a sort key, a defaultdict factory) get values, private names mangle', async () => {
    const code = BUGGY.replace('defaultdict(int)', 'defaultdict(self.__zero)')
      .replace(
        '    def flush(self):\n',
        '    def flush(self):\n        order = sorted(self.__timers.items(), key=self.__key)\n',
      )
      .replace(
        '    def __reset(self):',
        '    def __key(self, item):\n        return -item[1]\n\n    def __zero(self):\n        return 0\n\n    def __reset(self):',
      );
    const r = await checked(code, 0);
    expect(kinds(r)).toEqual([OK]);
  });

  it('a with block that suppresses an exception goes on after it', async () => {
    const code = inFlush(
      [
        '        class Quiet:',
        '            def __enter__(self):',
        '                return self',
        '            def __exit__(self, *exc):',
        '                return True',
        '        with Quiet():',
        '            raise KeyError("hidden")',
      ].join('\n'),
    );
    const r = await checked(code, 0);
    expect(kinds(r)).toEqual([OK]);
  });
});
