/**
 * The Fix lab's Python editor: CodeMirror 6 with Python highlighting. It is imported only
 * by the Fix lab page, which the app loads lazily, so no other page downloads it.
 *
 * The editor owns its text while the person types; the page replaces the whole text
 * only when it says so (a template picked, a link opened) by passing a new `doc`.
 * Highlighting uses the same token classes and colours as the lab's listings.
 */
import { python } from '@codemirror/lang-python';
import { syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useLayoutEffect, useRef } from 'react';

/** Text the page puts in the editor; a new object replaces what is there. */
export interface EditorDoc {
  readonly text: string;
}

export interface CodeEditorProps {
  readonly doc: EditorDoc;
  readonly label: string;
  readonly onChange: (text: string) => void;
}

const THEME = EditorView.theme({
  '&': {
    backgroundColor: 'var(--color-bg)',
    color: 'var(--color-text)',
    fontSize: '0.875rem',
    border: '1px solid var(--color-border)',
    borderRadius: 'var(--radius)',
  },
  '&.cm-focused': { outline: '3px solid var(--color-focus)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--color-text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--color-surface)',
    color: 'var(--color-text-muted)',
    border: 'none',
  },
  '.cm-activeLine, .cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--color-accent) 8%, transparent)',
  },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.45' },
});

export function CodeEditor({ doc, label, onChange }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const firstDoc = useRef(doc);
  const latestChange = useRef(onChange);
  useLayoutEffect(() => {
    latestChange.current = onChange;
  });

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const editor = new EditorView({
      parent,
      doc: firstDoc.current.text,
      extensions: [
        basicSetup,
        python(),
        syntaxHighlighting(classHighlighter),
        THEME,
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latestChange.current(update.state.doc.toString());
        }),
      ],
    });
    // The scroller can scroll sideways on a narrow screen; like the lab's listings, it
    // takes focus so the keyboard can scroll it too.
    editor.scrollDOM.tabIndex = 0;
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [label]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current === doc.text) return;
    editor.dispatch({ changes: { from: 0, to: current.length, insert: doc.text } });
  }, [doc]);

  return <div className="fix-editor" ref={host} />;
}
