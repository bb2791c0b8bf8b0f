/** The glossary page: every term with its anchor, and `?term=` focusing one. */
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GlossaryPage } from './GlossaryPage.tsx';
import { GLOSSARY_TERMS } from './terms.ts';

function openAt(hash: string) {
  window.location.hash = hash;
  return render(<GlossaryPage />);
}

afterEach(() => {
  window.location.hash = '';
});

describe('GlossaryPage', () => {
  it('shows every term under its own anchor, with its definition', () => {
    const { container } = openAt('#/glossary');
    for (const t of GLOSSARY_TERMS) {
      const heading = container.querySelector(`#term-${t.id}`);
      expect(heading?.textContent, t.id).toBe(t.term);
    }
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Glossary');
    // Backticks become code, never literal backticks.
    expect(container.textContent).not.toContain('`');
    expect(container.querySelectorAll('code').length).toBeGreaterThan(0);
  });

  it('links each term from the index and from "see also"', () => {
    openAt('#/glossary');
    const index = screen.getByRole('navigation', { name: 'Terms' });
    const hrefs = [...index.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(GLOSSARY_TERMS.map((t) => `#/glossary?term=${t.id}`));
  });

  it('moves focus to the term a link names', async () => {
    openAt('#/glossary?term=preemption');
    await waitFor(() => expect(document.activeElement?.id).toBe('term-preemption'));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('follows a change of term without reloading', async () => {
    openAt('#/glossary?term=seed');
    await waitFor(() => expect(document.activeElement?.id).toBe('term-seed'));
    act(() => {
      window.location.hash = '#/glossary?term=collision';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(document.activeElement?.id).toBe('term-collision'));
  });

  it('says so in one sentence when the term is unknown, and still lists them all', () => {
    const { container } = openAt('#/glossary?term=<script>nope');
    expect(screen.getByRole('status').textContent).toBe(
      'The glossary has no term “<script>nope”; here are all of them.',
    );
    expect(container.querySelectorAll('dt')).toHaveLength(GLOSSARY_TERMS.length);
    expect(container.querySelector('script')).toBeNull();
  });
});
