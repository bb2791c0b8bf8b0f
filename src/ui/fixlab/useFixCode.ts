/**
 * The Fix lab editor's code and where it came from: a template, the code in a link,
 * or the person's own draft. Editing a template or a link's code makes it a draft
 * (kept while another source is shown, so it can be picked again). Code from a link
 * goes into the editor and never runs by itself; a counterexample in the link waits
 * until that code has been checked.
 */
import { useCallback, useState } from 'react';
import type { TemplateId } from '../../fixlab/protocol.ts';
import { TEMPLATES } from '../../fixlab/templates.ts';
import type { FixLink } from '../../routes/fixLink.ts';
import type { RouteQuery } from '../../routes/router.ts';
import type { EditorDoc } from './CodeEditor.tsx';
import type { CodeSource } from './TemplatePicker.tsx';
import { useFixLink } from './useFixLink.ts';

const FIRST_TEMPLATE: TemplateId = 'buggy';

function templateCode(id: TemplateId): string {
  return TEMPLATES.find((t) => t.id === id)?.code ?? '';
}

export function useFixCode(query: RouteQuery) {
  const [source, setSource] = useState<CodeSource>(FIRST_TEMPLATE);
  const [doc, setDoc] = useState<EditorDoc>(() => ({ text: templateCode(FIRST_TEMPLATE) }));
  const [code, setCode] = useState(doc.text);
  const [draft, setDraft] = useState<string | null>(null);
  const [linkCode, setLinkCode] = useState<string | null>(null);
  const [pendingCx, setPendingCx] = useState<string | null>(null);

  const onLink = useCallback((link: FixLink) => {
    setPendingCx(link.counterexample);
    if (link.code === null) return;
    setLinkCode(link.code);
    setSource('link');
    setDoc({ text: link.code });
    setCode(link.code);
  }, []);
  const linkState = useFixLink(query, onLink);

  const sourceText = (from: CodeSource): string | null =>
    from === 'link' ? linkCode : from === 'draft' ? draft : templateCode(from);
  const onEdit = (text: string): void => {
    setCode(text);
    if (source === 'draft' || text !== sourceText(source)) {
      setSource('draft');
      setDraft(text);
    }
  };
  const onPick = (from: CodeSource): void => {
    const text = sourceText(from) ?? '';
    setSource(from);
    setDoc({ text });
    setCode(text);
  };
  /** The link's counterexample still to open, if `checked` is the link's own code. */
  const linkCounterexampleFor = (checked: string): string | null =>
    source === 'link' && checked === linkCode ? pendingCx : null;

  return {
    source,
    doc,
    code,
    hasDraft: draft !== null,
    hasLink: linkCode !== null,
    pendingCx,
    clearPendingCx: () => setPendingCx(null),
    linkState,
    onEdit,
    onPick,
    linkCounterexampleFor,
  };
}
