/**
 * Fix lab share links: the person's code and, when there is one, the counterexample
 * they were looking at:
 *
 *   #/fix/<race>?code=<deflate-raw, base64url>&cx=<schedule>
 *
 * The code is compressed with the platform's CompressionStream ('deflate-raw') and
 * written in base64url, so a 60-line fix fits in a link of about 1,500 characters.
 * Reading a link never runs anything: it only yields text for the editor. Every field is
 * checked, and a damaged link gives one sentence (never a throw), so the page can keep
 * its template and say what was wrong.
 */
import type { Result } from '../engine/index.ts';
import type { RouteQuery } from './router.ts';

export interface FixLink {
  /** The code from the link, or null when the link carries none. */
  readonly code: string | null;
  /** The shared counterexample's schedule, or null. */
  readonly counterexample: string | null;
}

/** Longest code accepted from a link, in characters (templates are about 2,000). */
export const MAX_LINK_CODE_CHARS = 100_000;
const MAX_ENCODED_CHARS = 200_000;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const SCHEDULE_SHAPE = /^[A-Za-z0-9._,:-]{1,20000}$/;
const KNOWN_KEYS = new Set(['code', 'cx']);

/** Reads a Fix lab route's query; the code is decompressed here. Never throws. */
export async function parseFixLink(query: RouteQuery): Promise<Result<FixLink>> {
  for (const key of Object.keys(query)) {
    if (!KNOWN_KEYS.has(key)) {
      return fail(`The link has an unknown field "${clip(key)}"; a Fix lab link has code and cx.`);
    }
  }
  const cx = query['cx'] ?? null;
  if (cx !== null && !SCHEDULE_SHAPE.test(cx)) {
    return fail(
      'The counterexample in the link is damaged: its schedule has unexpected characters.',
    );
  }
  const encoded = query['code'];
  if (encoded === undefined) return { ok: true, value: { code: null, counterexample: cx } };
  const code = await decodeCode(encoded);
  if (!code.ok) return code;
  return { ok: true, value: { code: code.value, counterexample: cx } };
}

/** The query for a link; `cx` only when a counterexample is given. */
export async function fixLinkQuery(link: FixLink): Promise<Record<string, string>> {
  const query: Record<string, string> = {};
  if (link.code !== null) query['code'] = await encodeCode(link.code);
  if (link.counterexample !== null) query['cx'] = link.counterexample;
  return query;
}

/** The hash of a link: `#/fix/<race>?code=…&cx=…`. */
export async function fixLinkHash(race: string, link: FixLink): Promise<string> {
  const query = new URLSearchParams(Object.entries(await fixLinkQuery(link))).toString();
  return `#/fix/${encodeURIComponent(race)}${query === '' ? '' : `?${query}`}`;
}

/** UTF-8, deflate-raw, base64url without padding. */
export async function encodeCode(code: string): Promise<string> {
  const stream = (new Response(code).body as ReadableStream<BufferSource>).pipeThrough(
    new CompressionStream('deflate-raw'),
  );
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return toBase64Url(bytes);
}

/** The inverse of encodeCode, refusing damaged input and anything that inflates too far. */
export async function decodeCode(encoded: string): Promise<Result<string>> {
  if (encoded === '') return fail('The code in the link is empty.');
  if (encoded.length > MAX_ENCODED_CHARS || !BASE64URL.test(encoded)) {
    return fail('The code in the link is damaged: it is not in the form this site writes.');
  }
  const bytes = fromBase64Url(encoded);
  if (bytes === null) return fail('The code in the link is damaged: it was cut short.');
  const inflated = await inflateAtMost(bytes, MAX_LINK_CODE_CHARS * 4);
  if (inflated === null) {
    return fail('The code in the link is damaged: it does not decompress.');
  }
  if (inflated === 'too-long') {
    return fail(`The code in the link is longer than ${MAX_LINK_CODE_CHARS} characters.`);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
    if (text.length > MAX_LINK_CODE_CHARS) {
      return fail(`The code in the link is longer than ${MAX_LINK_CODE_CHARS} characters.`);
    }
    return { ok: true, value: text };
  } catch {
    return fail('The code in the link is damaged: it is not text.');
  }
}

/** Inflates, stopping at `limit` bytes so a small link cannot expand into gigabytes. */
async function inflateAtMost(
  bytes: Uint8Array,
  limit: number,
): Promise<Uint8Array | 'too-long' | null> {
  const reader = (
    new Response(bytes as Uint8Array<ArrayBuffer>).body as ReadableStream<BufferSource>
  )
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return 'too-long';
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  // A length of 1 mod 4 cannot come from any byte string.
  if (text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
