/**
 * A toolbar group around one labelled control: the label is for screen readers only,
 * since the toolbar shows what each control is; the control takes the label's id.
 */
import { useId, type ReactNode } from 'react';

export function ControlGroup({
  className,
  label,
  children,
}: {
  readonly className: string;
  readonly label: string;
  readonly children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`control-group ${className}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {children(id)}
    </div>
  );
}
