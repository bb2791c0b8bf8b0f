/** Shown for any address the router does not know, with a way back home. */
import { PRODUCT_NAME } from './Shell.tsx';
import { routeHref } from '../routes/router.ts';

export interface NotFoundProps {
  /** The unknown path after '#', shown so the reader can see what was asked for. */
  readonly path: string;
}

export function NotFound({ path }: NotFoundProps) {
  return (
    <section role="alert" className="not-found">
      <title>{`Page not found · ${PRODUCT_NAME}`}</title>
      <h1>No page at this address</h1>
      <p>
        Nothing lives at <code>#{path}</code>. The link may be mistyped or out of date.
      </p>
      <p>
        <a href={routeHref({ kind: 'home' })}>Go to the home page</a>
      </p>
    </section>
  );
}
