/**
 * The trace file input. It is emptied after each choice, so choosing the same file
 * again imports it again.
 */
import { useId, type ChangeEvent } from 'react';

export function TraceImport(props: { readonly onFile: (file: File) => void }) {
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) props.onFile(file);
  };
  return (
    <div className="control-row">
      <label htmlFor={id}>Import a trace (JSON, up to 5 MB)</label>
      <input id={id} type="file" accept=".json,application/json" onChange={onChange} />
    </div>
  );
}
