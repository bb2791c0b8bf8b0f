/**
 * Where the editor's code comes from: one of the four templates, the code that came in
 * a link, or the person's own edits (kept aside, so trying a template loses nothing).
 */
import type { FixTemplate, TemplateId } from '../../fixlab/protocol.ts';

export type CodeSource = TemplateId | 'link' | 'draft';

export interface TemplatePickerProps {
  readonly templates: readonly FixTemplate[];
  readonly source: CodeSource;
  readonly hasLink: boolean;
  readonly hasDraft: boolean;
  readonly onPick: (source: CodeSource) => void;
}

export function TemplatePicker({
  templates,
  source,
  hasLink,
  hasDraft,
  onPick,
}: TemplatePickerProps) {
  const current = templates.find((t) => t.id === source);
  return (
    <div className="fix-picker">
      <label>
        Start from{' '}
        <select value={source} onChange={(e) => onPick(e.target.value as CodeSource)}>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
          {hasLink ? <option value="link">the code from the link</option> : null}
          {hasDraft ? <option value="draft">your edits</option> : null}
        </select>
      </label>
      <p className="muted fix-picker-summary">
        {current
          ? current.summary
          : source === 'link'
            ? 'Code someone shared with you. It has not run.'
            : 'Your own version.'}
      </p>
    </div>
  );
}
