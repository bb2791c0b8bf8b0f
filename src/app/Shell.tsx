/**
 * The frame around every page: a skip link, the header with the product name and the
 * main navigation, the main landmark and a footer. When the route changes it moves
 * focus to the main landmark, so keyboard and screen reader users start at the new
 * page's content instead of at the link they followed. The lab is a one-screen
 * debugger on a wide screen: its shell fills the window exactly (a slimmer header, no
 * footer) and the lab's panels scroll inside it.
 */
import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { routeHref, type Route } from '../routes/router.ts';

export const PRODUCT_NAME = 'Arroyo Race Lab';

const NAV_LINKS: ReadonlyArray<{ readonly label: string; readonly route: Route }> = [
  { label: 'Home', route: { kind: 'home' } },
  { label: 'Glossary', route: { kind: 'glossary', query: {} } },
  { label: 'About', route: { kind: 'about' } },
];

export interface ShellProps {
  readonly route: Route;
  readonly children: ReactNode;
}

export function Shell({ route, children }: ShellProps) {
  const mainRef = useRef<HTMLElement>(null);
  const currentHref = routeHref(route);
  const isFirstRender = useRef(true);

  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [currentHref]);

  // The skip link must not change the hash: '#main' would be read as an unknown route.
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className={`shell shell-${route.kind}`}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header className="shell-header">
        <a className="product-name" href={routeHref({ kind: 'home' })}>
          {PRODUCT_NAME}
        </a>
        <nav aria-label="Main" className="shell-nav">
          <ul>
            {NAV_LINKS.map(({ label, route: target }) => {
              const href = routeHref(target);
              return (
                <li key={href}>
                  <a href={href} aria-current={href === currentHref ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="shell-main">
        {children}
      </main>
      <footer className="shell-footer" hidden={route.kind === 'lab'}>
        <p>
          Models of two real race conditions in Sentry&apos;s Python library{' '}
          <a href="https://github.com/getsentry/arroyo">arroyo</a>. Everything runs in your browser.
        </p>
      </footer>
    </div>
  );
}
