/**
 * The share panel's state: the link to the step on screen (built by
 * src/store/address.ts, as the toolbar's Share button's is), the line the last action
 * said, and the actions themselves. Null without a run.
 */
import { useState } from 'react';
import { absoluteLink } from '../../routes/link.ts';
import { selectLink } from '../../store/address.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { saveTrace } from '../export/saveTrace.ts';
import { useCursor, useSim } from '../lab/hooks.ts';
import { copyLink, importInto, saveTimeline, type ShareMessage } from './shareActions.ts';

export interface Share {
  readonly href: string;
  readonly message: ShareMessage | null;
  /** Copies the link; where that is not allowed, selects `field` for the person to copy. */
  readonly copy: (field: HTMLInputElement | null) => void;
  readonly exportTrace: () => void;
  readonly exportImage: (kind: 'svg' | 'png') => void;
  readonly importFile: (file: File) => void;
}

export function useShare(): Share | null {
  const sim = useSim();
  const cursor = useCursor();
  // A run that grows changes its schedule, and with it the link: re-render when it does.
  useLab((s) => s.revision);
  const store = useLabStore();
  const [message, setMessage] = useState<ShareMessage | null>(null);
  const link = selectLink({ sim, cursor });
  if (!sim || !link) return null;
  const href = absoluteLink(window.location.href, link);
  return {
    href,
    message,
    copy: (field) => void copyLink(href, field).then(setMessage),
    exportTrace: () => setMessage({ kind: 'status', text: saveTrace(sim, cursor) }),
    exportImage: (kind) => void saveTimeline(kind, sim, store, cursor).then(setMessage),
    importFile: (file) => void importInto(store, file).then(setMessage),
  };
}
