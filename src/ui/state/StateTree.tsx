/**
 * A plain value as a collapsible tree of disclosures (`<details>`), written the way
 * Python would show it (None, True, quoted strings), with Python dicts as tables and
 * dict iterators showing the size they recorded against their dict's size now. Every
 * path the last step changed is highlighted, and a collapsed branch says that
 * something inside it changed.
 */
import type { PyDict, PyDictIter } from '../../engine/python/dict.ts';
import { dictEntries, dictForIterator, isDictIter, isPyDict } from './classify.ts';
import { pathOf, type Path } from './pathDiff.ts';

export interface StateTreeProps {
  readonly label: string;
  readonly value: unknown;
  readonly path: Path;
  /** Changed paths and their ancestors. */
  readonly changed: ReadonlySet<Path>;
  /** The world state, for finding the dict an iterator walks. */
  readonly state: unknown;
  /** The dict an iterator in this tree walks, when the tree cannot tell by itself. */
  readonly iterDict?: PyDict | null;
  readonly depth?: number;
}

export function StateTree(props: StateTreeProps) {
  return (
    <ul className="tree">
      <Node {...props} parent={null} depth={props.depth ?? 0} />
    </ul>
  );
}

interface NodeProps extends StateTreeProps {
  readonly parent: Readonly<Record<string, unknown>> | null;
  readonly depth: number;
}

function Node(props: NodeProps) {
  const { value } = props;
  if (isPyDict(value)) return <DictNode {...props} dict={value} />;
  if (isDictIter(value)) return <IterNode {...props} iter={value} />;
  if (value !== null && typeof value === 'object') return <BranchNode {...props} />;
  return (
    <li className={nodeClass(props)}>
      <span className="tree-key">{props.label}</span>:{' '}
      <span className={`tree-value tree-${typeof value}`}>{pyRepr(value)}</span>
      <ChangedMark {...props} />
    </li>
  );
}

function nodeClass({ changed, path }: NodeProps): string {
  return `tree-node${changed.has(path) ? ' changed' : ''}`;
}

/** Words for a screen reader where the highlight says the last step changed this node. */
function ChangedMark({ changed, path }: NodeProps) {
  return changed.has(path) ? (
    <span className="visually-hidden"> (changed by the last step)</span>
  ) : null;
}

function DictNode(props: NodeProps & { readonly dict: PyDict }) {
  const { label, dict, path, changed, depth } = props;
  return (
    <li className={nodeClass(props)}>
      <details open={depth < 3 || changed.has(path)}>
        <summary>
          <span className="tree-key">{label}</span>{' '}
          <span className="tree-type">
            dict, {dict.used} item{dict.used === 1 ? '' : 's'}
          </span>
          <ChangedMark {...props} />
        </summary>
        <DictTable dict={dict} path={path} changed={changed} />
      </details>
    </li>
  );
}

function IterNode(props: NodeProps & { readonly iter: PyDictIter }) {
  const { label, iter, state, iterDict, parent } = props;
  const dict = dictForIterator(parent, label, state) ?? iterDict ?? null;
  return (
    <li className={nodeClass(props)}>
      <span className="tree-key">{label}</span>: <IterText iter={iter} dict={dict} />
      <ChangedMark {...props} />
    </li>
  );
}

/** A list or an object: a disclosure of its entries, each a node of its own. */
function BranchNode(props: NodeProps) {
  const { label, value, path, changed, depth } = props;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const kind = Array.isArray(value)
    ? `list, ${entries.length}`
    : `${entries.length} field${entries.length === 1 ? '' : 's'}`;
  return (
    <li className={nodeClass(props)}>
      <details open={depth < 2 || changed.has(path)}>
        <summary>
          <span className="tree-key">{label}</span> <span className="tree-type">{kind}</span>
          <ChangedMark {...props} />
        </summary>
        {entries.length === 0 ? (
          <span className="tree-empty">{Array.isArray(value) ? '[]' : '{}'}</span>
        ) : (
          <ul className="tree">
            {entries.map(([k, v]) => (
              <Node
                key={k}
                label={k}
                value={v}
                path={`${path}/${pathOf([k])}`}
                changed={changed}
                state={props.state}
                iterDict={props.iterDict ?? null}
                parent={value as Record<string, unknown>}
                depth={depth + 1}
              />
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}

function DictTable({
  dict,
  path,
  changed,
}: {
  readonly dict: PyDict;
  readonly path: Path;
  readonly changed: ReadonlySet<Path>;
}) {
  const entries = dictEntries(dict);
  if (entries.length === 0) return <p className="tree-empty">{'{}'} (empty)</p>;
  return (
    <table className="dict-table">
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const hit =
            changed.has(`${path}/keys/${e.slot}`) || changed.has(`${path}/values/${e.slot}`);
          return (
            <tr key={e.slot} className={hit ? 'changed' : undefined}>
              <td>
                <code>{pyRepr(e.key)}</code>
              </td>
              <td>
                {e.value}
                {hit ? <span className="visually-hidden"> (changed by the last step)</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function IterText({ iter, dict }: { readonly iter: PyDictIter; readonly dict: PyDict | null }) {
  if (iter.exhausted) return <span className="tree-type">dict iterator, exhausted</span>;
  if (iter.diUsed < 0) {
    return (
      <span className="tree-type iter-broken">
        dict iterator, broken (it already raised RuntimeError)
      </span>
    );
  }
  const now = dict?.used;
  const stale = now !== undefined && now !== iter.diUsed;
  return (
    <span className={`tree-type${stale ? ' iter-broken' : ''}`}>
      dict iterator at slot {iter.pos}, {iter.len} left; recorded size {iter.diUsed}
      {now === undefined ? '' : `, dict size now ${now}`}
      {stale
        ? ': the next next() raises RuntimeError: dictionary changed size during iteration'
        : ''}
    </span>
  );
}

export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(value);
}
