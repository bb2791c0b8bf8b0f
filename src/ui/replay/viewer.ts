/**
 * The standalone replay's viewer: plain DOM code, bundled once into the replay
 * file (bundle.ts). It reads the run from the page's JSON block and shows one
 * step at a time: each thread's code with its current line, the timeline with
 * a cursor, the collision, the notes, the broken invariants and the traceback.
 * Arrow keys, Home and End step through it, as do the buttons. Every text is
 * set with textContent, never parsed as HTML.
 */
import type { ReplayData } from './data.ts';

type Parts = Record<string, HTMLElement>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
  cls = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== '') node.textContent = text;
  if (cls !== '') node.className = cls;
  return node;
}

/** Text with `code` spans marked by backticks, as nodes (never parsed as HTML). */
function prose(text: string): Node[] {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? el('code', part) : document.createTextNode(part)));
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** Where each thread stands after `cursor` steps: the line of its last step, if it has taken one. */
function threadLines(
  data: ReplayData,
  cursor: number,
): Map<string, { listing: string; line: number; own: boolean }> {
  const out = new Map<string, { listing: string; line: number; own: boolean }>();
  for (let i = 0; i < cursor; i++) {
    const s = data.steps[i];
    if (s && s.listing !== null && s.line !== null)
      out.set(s.actor, { listing: s.listing, line: s.line, own: i === cursor - 1 });
  }
  return out;
}

function buildThreads(data: ReplayData, parts: Parts): void {
  const grid = el('div', '', 'threads');
  for (const t of data.threads) {
    const box = el('section', '', 'thread');
    box.setAttribute('aria-label', `Thread ${t.id}`);
    box.append(el('h3', t.label.startsWith(`${t.id}:`) ? t.label : `${t.id}: ${t.label}`));
    const file = el('p', '', 'file');
    const code = el('ol', '', 'code');
    code.tabIndex = 0;
    code.setAttribute('aria-label', `Code of thread ${t.id}`);
    box.append(file, code);
    grid.append(box);
    parts[`file:${t.id}`] = file;
    parts[`code:${t.id}`] = code;
  }
  parts['threads'] = grid;
}

function showThreads(data: ReplayData, parts: Parts, cursor: number): void {
  const lines = threadLines(data, cursor);
  for (const t of data.threads) {
    const file = parts[`file:${t.id}`] as HTMLElement;
    const code = parts[`code:${t.id}`] as HTMLElement;
    const at = lines.get(t.id);
    const listing = at ? data.listings[at.listing] : undefined;
    if (!at || !listing) {
      file.textContent = 'Not started yet at this step.';
      code.replaceChildren();
      code.dataset['listing'] = '';
      continue;
    }
    file.textContent = `${listing.title}, line ${at.line}${at.own ? ' (ran this step)' : ''}`;
    if (code.dataset['listing'] !== at.listing) {
      code.replaceChildren(...listing.lines.map((l) => el('li', l === '' ? ' ' : l)));
      code.dataset['listing'] = at.listing;
    }
    code.querySelectorAll('li[aria-current]').forEach((li) => li.removeAttribute('aria-current'));
    const current = code.children[at.line - 1] as HTMLElement | undefined;
    if (current) {
      current.setAttribute('aria-current', 'true');
      code.scrollTop = Math.max(0, current.offsetTop - code.offsetTop - code.clientHeight / 2);
    }
  }
}

function buildCallout(data: ReplayData, go: (step: number) => void): HTMLElement | null {
  const c = data.collision;
  if (!c) return null;
  const box = el('section', '', 'callout');
  box.setAttribute('aria-label', 'The collision');
  const summary = el('p');
  summary.append(...prose(c.summary));
  box.append(el('h2', 'The collision'), summary);
  const list = el('ul');
  for (const s of c.sides) {
    const li = el('li');
    li.append(...prose(`${s.role}: ${s.words}. `));
    li.append(button(`Go to step ${s.step}`, () => go(s.step)));
    list.append(li);
  }
  box.append(list);
  return box;
}

function buildNotes(data: ReplayData, go: (step: number) => void, parts: Parts): HTMLElement {
  const box = el('section');
  box.append(el('h2', 'Notes'));
  if (data.notes.length === 0) {
    box.append(el('p', 'No notes are pinned to this run.', 'muted'));
    return box;
  }
  const list = el('ol', '', 'notes');
  for (const n of data.notes) {
    const li = el('li');
    li.dataset['step'] = String(n.step);
    li.append(
      button(`Step ${n.step}`, () => go(n.step)),
      document.createTextNode(` ${n.text}`),
    );
    list.append(li);
  }
  parts['notes'] = list;
  box.append(list);
  return box;
}

function buildCursor(data: ReplayData): SVGLineElement | null {
  const svg = document.querySelector('#timeline svg');
  if (!svg) return null;
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
  line.setAttribute('stroke', '#1a1aa6');
  line.setAttribute('stroke-width', '3');
  line.setAttribute('y1', String(data.timeline.top - 8));
  line.setAttribute('y2', String(data.timeline.bottom));
  svg.append(line);
  return line;
}

function showOutcome(data: ReplayData, parts: Parts, cursor: number): void {
  const tb = parts['traceback'] as HTMLElement;
  const t = data.traceback;
  if (!t) tb.textContent = 'No thread crashed in this run.';
  else if (cursor < t.step)
    tb.textContent = `Nothing has crashed yet; the crash comes at step ${t.step}.`;
  else tb.textContent = t.text;
  const broken = data.violations.filter((v) => v.step <= cursor);
  const vio = parts['violations'] as HTMLElement;
  vio.replaceChildren(...broken.map((v) => el('li', `Step ${v.step}: ${v.text}`)));
  if (broken.length === 0) vio.append(el('li', 'No invariant is broken at this step.'));
}

/** The bar that steps through the run, and the line that says what the current step did. */
interface Nav {
  readonly bar: HTMLElement;
  readonly status: HTMLElement;
  readonly now: HTMLElement;
  readonly first: HTMLButtonElement;
  readonly back: HTMLButtonElement;
  readonly next: HTMLButtonElement;
  readonly end: HTMLButtonElement;
}

function buildNav(last: number, cursor: () => number, go: (step: number) => void): Nav {
  const status = el('p', '', 'status');
  status.setAttribute('aria-live', 'polite');
  const now = el('p', '', 'now');
  const first = button('First', () => go(0));
  const back = button('◀ Back', () => go(cursor() - 1));
  const next = button('Next ▶', () => go(cursor() + 1));
  const end = button('Last', () => go(last));
  const bar = el('div', '', 'bar');
  bar.append(first, back, next, end, status);
  return { bar, status, now, first, back, next, end };
}

/**
 * Puts every part in the page: the bar, the collision and the threads above the
 * timeline; the notes, the invariants, the traceback and the link below it.
 */
function layOut(
  data: ReplayData,
  root: HTMLElement,
  parts: Parts,
  nav: Nav,
  go: (step: number) => void,
): void {
  const help = el('p', 'Keys: → next step, ← previous step, Home first, End last.', 'muted');
  const open = el('a', 'Open this run in Arroyo Race Lab');
  open.href = data.link;
  open.rel = 'noopener noreferrer';
  const tbHead = el('h2', 'Traceback');
  const tb = el('pre', '', 'tb');
  parts['traceback'] = tb;
  const vio = el('ul');
  parts['violations'] = vio;
  buildThreads(data, parts);
  const timeline = document.getElementById('timeline');
  const callout = buildCallout(data, go);
  const notes = buildNotes(data, go, parts);
  timeline?.before(
    nav.bar,
    nav.now,
    ...(callout ? [callout] : []),
    el('h2', 'Threads'),
    parts['threads'] as HTMLElement,
    el('h2', 'Timeline'),
  );
  root.append(notes, el('h2', 'Invariants'), vio, tbHead, tb, help, el('p', '', ''));
  (root.lastElementChild as HTMLElement).append(open);
}

function showStep(
  data: ReplayData,
  parts: Parts,
  nav: Nav,
  cursorLine: SVGLineElement | null,
  cursor: number,
): void {
  const last = data.steps.length;
  nav.status.textContent = `Step ${cursor} of ${last}`;
  const s = data.steps[cursor - 1];
  nav.now.textContent = s
    ? `${s.time}, thread ${s.actor}: ${s.text}`
    : 'The start of the run, before any step.';
  nav.first.disabled = nav.back.disabled = cursor === 0;
  nav.next.disabled = nav.end.disabled = cursor === last;
  const x = String(data.timeline.left + cursor * data.timeline.perStep);
  cursorLine?.setAttribute('x1', x);
  cursorLine?.setAttribute('x2', x);
  showThreads(data, parts, cursor);
  showOutcome(data, parts, cursor);
  parts['notes']?.querySelectorAll('li').forEach((li) => {
    if (li.dataset['step'] === String(cursor)) li.setAttribute('aria-current', 'step');
    else li.removeAttribute('aria-current');
  });
}

/** Where a key moves the cursor (arrows, Home, End), or null for a key that does not. */
function keyMove(e: KeyboardEvent, cursor: number, last: number): number | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const moves: Record<string, number> = {
    ArrowRight: cursor + 1,
    ArrowLeft: cursor - 1,
    Home: 0,
    End: last,
  };
  return moves[e.key] ?? null;
}

function start(): void {
  const node = document.getElementById('replay-data');
  const root = document.getElementById('replay');
  if (!node || !root) return;
  const data = JSON.parse(node.textContent ?? '{}') as ReplayData;
  const last = data.steps.length;
  let cursor = last;
  const parts: Parts = {};
  const go = (step: number): void => {
    cursor = Math.max(0, Math.min(last, step));
    render();
  };
  const nav = buildNav(last, () => cursor, go);
  layOut(data, root, parts, nav, go);
  const cursorLine = buildCursor(data);

  function render(): void {
    showStep(data, parts, nav, cursorLine, cursor);
  }

  document.addEventListener('keydown', (e) => {
    const to = keyMove(e, cursor, last);
    if (to === null) return;
    e.preventDefault();
    go(to);
  });
  render();
}

start();
