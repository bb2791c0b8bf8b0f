import { describe, expect, it } from 'vitest';
import { sha256Base64 } from '../ui/replay/sha256.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { main } from './postmortem.ts';

describe('npm run postmortem: bad arguments', () => {
  it.each([
    [[], /^Missing --scenario\. Valid values: /],
    [['--scenario', 'nope', '--variant', 'buggy'], /^Unknown scenario "nope"/],
    [
      ['--scenario', 'metrics-stuck-flush', '--variant', 'buggy', '--format', 'pdf'],
      /^Option --format must be md or html, got "pdf"\.$/,
    ],
    [
      ['--scenario', 'metrics-stuck-flush', '--variant', 'buggy', '--note', 'three=hello'],
      /^Option --note needs STEP=TEXT with a whole-number step, got "three=hello"\.$/,
    ],
    [
      ['--scenario', 'metrics-stuck-flush', '--variant', 'buggy', '--note', 'hello'],
      /^Option --note needs STEP=TEXT/,
    ],
    [
      ['--scenario', 'metrics-stuck-flush', '--variant', 'buggy', '--note', '99999=late'],
      /^Option --note names step 99999, but the run has steps 0 to \d+\.$/,
    ],
    [
      ['--scenario', 'metrics-stuck-flush', '--variant', 'buggy', '--note', '3='],
      /^Option --note for step 3 has no text\.$/,
    ],
    [
      ['--scenario', 'metrics-stuck-flush', '--variant', 'buggy', '--note', `3=${'x'.repeat(501)}`],
      /is 501 characters long; the limit is 500\.$/,
    ],
    [
      ['--scenario', 'metrics-stuck-flush', '--variant', 'buggy', '--note', '3=a', '--note', '3=b'],
      /names step 3 twice/,
    ],
    [
      ['--scenario', 'metrics-stuck-flush', '--variant', 'buggy', '--site', 'javascript:alert(1)'],
      /^Option --site must be an http\(s\) address/,
    ],
  ])('%j', (argv, message) => {
    const result = main(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd()).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('npm run postmortem -- --format html: the standalone replay', () => {
  it.each(SCENARIOS.map((s) => s.id))(
    '%s: one file under 1 MB whose policy allows exactly its own script and style',
    (id) => {
      const result = main([
        '--scenario',
        id,
        '--variant',
        'buggy',
        '--format',
        'html',
        '--note',
        '1=<script>alert(1)</script>',
      ]);
      expect(result.code).toBe(0);
      const html = result.stdout;
      expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024);
      const policy =
        /http-equiv="Content-Security-Policy" content="([^"]+)"/
          .exec(html)?.[1]
          ?.replace(/&#39;/g, "'") ?? '';
      expect(policy).toMatch(/^default-src 'none'; /);
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
      expect(scripts).toHaveLength(1);
      expect(policy).toContain(`script-src 'sha256-${sha256Base64(scripts[0] ?? '')}'`);
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
      expect(policy).toContain(`style-src 'sha256-${sha256Base64(style)}'`);
      // Nothing from elsewhere: no src or href to another file, and the note is data, not markup.
      expect(html).not.toMatch(/\s(src|href)="(?!#)/);
      expect(html).not.toContain('<script>alert(1)');
    },
  );
});
