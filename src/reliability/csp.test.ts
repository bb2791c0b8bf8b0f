/**
 * The Content-Security-Policy of every page (the app, the soak page, the benchmark
 * page, and the built app when dist/ exists) forbids inline script and JavaScript eval
 * (the app may compile WebAssembly, for the Fix lab), and no page carries an inline
 * script. e2e/hostile.spec.ts checks the policy in force.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cspOfHtml, inlineScripts, policyProblems } from './csp.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = ['index.html', 'soak.html', 'bench.html', 'dist/index.html'].filter((p) =>
  existsSync(`${ROOT}${p}`),
);

describe('the Content-Security-Policy', () => {
  it.each(PAGES)('of %s allows scripts only from the site, with no inline script', (page) => {
    const html = readFileSync(`${ROOT}${page}`, 'utf8');
    const policy = cspOfHtml(html);
    expect(policy).not.toBeNull();
    expect(policyProblems(policy ?? '')).toEqual([]);
    expect(inlineScripts(html)).toEqual([]);
  });

  it('is checked by rules that refuse a weak policy', () => {
    expect(policyProblems("default-src 'self'; script-src 'self' 'unsafe-eval'")).toContain(
      "script-src allows 'unsafe-eval'.",
    );
    expect(policyProblems("default-src *; object-src 'none'; base-uri 'self'")).toContain(
      'script-src allows *.',
    );
    expect(inlineScripts('<script>alert(1)</script><script src="a.js"></script>')).toHaveLength(1);
  });

  it("allows compiling WebAssembly ('wasm-unsafe-eval') but no other source of script", () => {
    const base = "default-src 'self'; object-src 'none'; base-uri 'self'; script-src 'self'";
    expect(policyProblems(`${base} 'wasm-unsafe-eval'`)).toEqual([]);
    expect(policyProblems(`${base} 'wasm-unsafe-eval' 'unsafe-eval'`)).toContain(
      "script-src allows 'unsafe-eval'.",
    );
    expect(policyProblems(`${base} https://cdn.example`)).toContain(
      "script-src allows more than 'self': 'self' https://cdn.example.",
    );
  });
});
