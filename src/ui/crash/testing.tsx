/** A lab store on a real scenario, and a render helper, for the lab components' tests. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { defaultParams, findScenario, type VariantId } from '../../scenarios/index.ts';
import { LabStoreProvider } from '../../store/context.tsx';
import type { ExplorerRunner } from '../../store/explorerSlice.ts';
import { createLabStore, type LabStore } from '../../store/labStore.ts';

/** A lab store opened on `scenario` at step 0; its explorer fails unless a runner is given. */
export function labOn(
  scenario: string,
  variant: VariantId,
  params = {},
  runner?: ExplorerRunner,
): LabStore {
  const def = findScenario(scenario);
  if (!def) throw new Error(`no scenario ${scenario}`);
  const store = createLabStore({
    explorer: () => (runner ? Promise.resolve(runner) : Promise.reject(new Error('no explorer'))),
  });
  store.getState().open({
    scenario,
    variant,
    gil: 'py311',
    params: { ...defaultParams(def), ...params },
    schedule: null,
    step: 0,
  });
  return store;
}

export function renderWith(store: LabStore, ui: ReactElement) {
  const user = userEvent.setup();
  return { user, ...render(<LabStoreProvider store={store}>{ui}</LabStoreProvider>) };
}
