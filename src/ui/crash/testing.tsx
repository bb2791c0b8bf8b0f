/** A lab store on a real scenario, and a render helper, for the crash components' tests. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { defaultParams, findScenario, type VariantId } from '../../scenarios/index.ts';
import { LabStoreProvider } from '../../store/context.tsx';
import { createLabStore, type LabStore } from '../../store/labStore.ts';

export function labOn(scenario: string, variant: VariantId, params = {}): LabStore {
  const def = findScenario(scenario);
  if (!def) throw new Error(`no scenario ${scenario}`);
  const store = createLabStore({ explorer: () => Promise.reject(new Error('no explorer')) });
  store.getState().open({
    scenario,
    variant,
    gil: 'py311',
    params: { ...defaultParams(def), ...params },
    schedule: null,
    at: 0,
  });
  return store;
}

export function renderWith(store: LabStore, ui: ReactElement) {
  const user = userEvent.setup();
  return { user, ...render(<LabStoreProvider store={store}>{ui}</LabStoreProvider>) };
}
