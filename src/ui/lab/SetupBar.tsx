/**
 * The run's setup: the implementation variant, the thread-switch mode and the
 * scenario's parameters. Switching the variant replays the same schedule on the other
 * code; changing the switch mode or a parameter starts a new natural run (a schedule
 * is bound to them).
 */
import { useId, useState, type FormEvent } from 'react';
import { SWITCH_MODES, type SwitchMode } from '../../engine/index.ts';
import {
  VARIANT_IDS,
  validateParams,
  type ParamSpec,
  type Params,
  type VariantId,
} from '../../scenarios/index.ts';
import { useLabStore } from '../../store/context.tsx';
import { SWITCH_MODE_HELP, SWITCH_MODE_WORDS, VARIANT_WORDS, plainWords } from '../common/words.ts';
import { DiffToggle } from '../code/DiffToggle.tsx';
import { useSim } from './hooks.ts';

export function SetupBar() {
  const sim = useSim();
  const store = useLabStore();
  const variantId = useId();
  const gilId = useId();
  if (!sim) return null;
  return (
    <div className="setup">
      <div className="field">
        <label htmlFor={variantId}>Implementation</label>
        <select
          id={variantId}
          value={sim.variant}
          onChange={(e) => store.getState().switchVariant(e.target.value as VariantId)}
        >
          {VARIANT_IDS.map((v) => (
            <option key={v} value={v}>
              {VARIANT_WORDS[v]}
            </option>
          ))}
        </select>
        <p className="field-help">{plainWords(sim.def.expected[sim.variant])}</p>
        {sim.variant !== 'buggy' ? (
          <DiffToggle>
            Show in the code what this implementation changes from the buggy one
          </DiffToggle>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={gilId}>Thread switching</label>
        <select
          id={gilId}
          value={sim.gil}
          onChange={(e) => store.getState().reconfigure({ gil: e.target.value as SwitchMode })}
        >
          {SWITCH_MODES.map((g) => (
            <option key={g} value={g}>
              {SWITCH_MODE_WORDS[g]}
            </option>
          ))}
        </select>
        <p className="field-help">{SWITCH_MODE_HELP[sim.gil]}</p>
      </div>
      {sim.def.params.length > 0 ? (
        <details className="params-box">
          <summary>
            Parameters ({sim.def.params.length}):{' '}
            <span className="muted">{paramSummary(sim.def.params, sim.params)}</span>
          </summary>
          <ParamsForm key={`${sim.def.id}:${JSON.stringify(sim.params)}`} />
        </details>
      ) : null}
    </div>
  );
}

function paramSummary(specs: readonly ParamSpec[], params: Params): string {
  const changed = specs.filter((p) => params[p.id] !== p.defaultValue);
  if (changed.length === 0) return 'all at their defaults';
  return changed.map((p) => `${p.label} ${params[p.id]} ${p.unit}`).join(', ');
}

function ParamsForm() {
  const sim = useSim();
  const store = useLabStore();
  const baseId = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(sim?.params ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const [error, setError] = useState<string | null>(null);
  if (!sim) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateParams(sim.def, values);
    if (!checked.ok) return setError(checked.error);
    setError(null);
    store.getState().reconfigure({ params: checked.value });
  };
  return (
    <form className="params" onSubmit={submit} aria-label="Parameters">
      {sim.def.params.map((p) => (
        <div className="field" key={p.id}>
          <label htmlFor={`${baseId}-${p.id}`}>
            {p.label} ({p.unit})
          </label>
          <input
            id={`${baseId}-${p.id}`}
            type="number"
            min={p.min}
            max={p.max}
            step={1}
            value={values[p.id] ?? ''}
            aria-describedby={`${baseId}-${p.id}-help`}
            onChange={(e) => setValues({ ...values, [p.id]: e.target.value })}
          />
          <p className="field-help" id={`${baseId}-${p.id}-help`}>
            {p.description}
          </p>
        </div>
      ))}
      <button type="submit">Apply parameters</button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
