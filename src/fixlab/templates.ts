/**
 * The four starting points of the Fix lab, one per variant of the engine's
 * metrics scenario. Their Python is in templates/*.py (embedded by embed.ts).
 */
import type { FixTemplate, TemplateId } from './protocol.ts';
import { TEMPLATE_PY } from './python.gen.ts';

const ABOUT: Readonly<Record<TemplateId, { title: string; summary: string }>> = {
  buggy: {
    title: 'As shipped (arroyo 2.34.0)',
    summary:
      'flush() loops over the live dicts while the stuck detector flushes from its own thread: RuntimeError in either thread, and lost or doubled increments.',
  },
  'seed-fix': {
    title: 'Snapshot, then reset',
    summary:
      'Copies each dict with list(d.items()), resets, then emits the copies. Never raises with a GIL, yet an increment between the copy and the reset is lost.',
  },
  upstream: {
    title: "arroyo's fix (2.37.1)",
    summary:
      'The buffer is unchanged; the stuck detector sends its count straight to the backend, so only main touches the buffer. Clean.',
  },
  correct: {
    title: 'A lock around the buffer',
    summary:
      'One lock guards both dicts; the throttled flush runs under the lock the increment already holds. Clean.',
  },
};

export const TEMPLATES: readonly FixTemplate[] = (Object.keys(ABOUT) as TemplateId[]).map((id) => ({
  id,
  ...ABOUT[id],
  code: TEMPLATE_PY[id],
}));

export function templateById(id: string): FixTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
