/**
 * The application: the shell plus the page for the current hash route. Adding a page
 * means adding a route kind in router.ts and a case here; the compiler points at both.
 */
import { About } from './About.tsx';
import { assertUnreachable } from '../engine/assertUnreachable.ts';
import { Home } from './Home.tsx';
import { NotFound } from './NotFound.tsx';
import { PanelBoundary } from '../ui/common/PanelBoundary.tsx';
import { lazy, Suspense } from 'react';
import type { Route } from '../routes/router.ts';
import { Shell } from './Shell.tsx';
import { useHashRoute } from '../routes/useHashRoute.ts';

// The heavy pages load on demand, so the first render (usually the landing) ships only
// the shell: the engine, the worlds and the panels come with the page that needs them.
const LabPage = lazy(() => import('../ui/lab/LabPage.tsx').then((m) => ({ default: m.LabPage })));
const TourPage = lazy(() =>
  import('../ui/tour/TourPage.tsx').then((m) => ({ default: m.TourPage })),
);
const PresenterPage = lazy(() =>
  import('../ui/presenter/PresenterPage.tsx').then((m) => ({ default: m.PresenterPage })),
);
const FixLabPage = lazy(() =>
  import('../ui/fixlab/FixLabPage.tsx').then((m) => ({ default: m.FixLabPage })),
);
const AffectedPage = lazy(() =>
  import('../ui/affected/AffectedPage.tsx').then((m) => ({ default: m.AffectedPage })),
);
const GlossaryPage = lazy(() =>
  import('../ui/glossary/GlossaryPage.tsx').then((m) => ({ default: m.GlossaryPage })),
);

function Loading() {
  return (
    <p role="status" className="page-loading">
      Loading…
    </p>
  );
}

export function App() {
  const route = useHashRoute();
  if (route.kind === 'present') {
    // Presenter mode fills the screen of a meeting room: no site header or footer.
    return (
      <PanelBoundary key={route.kind} name="presenter">
        <Page route={route} />
      </PanelBoundary>
    );
  }
  return (
    <Shell route={route}>
      {/* A page that throws while rendering says so inside the shell, whose header and
          navigation keep working; going to another kind of page starts it afresh. */}
      <PanelBoundary key={route.kind} name="page">
        <Page route={route} />
      </PanelBoundary>
    </Shell>
  );
}

function Page({ route }: { readonly route: Route }) {
  return (
    <Suspense fallback={<Loading />}>
      <RoutePage route={route} />
    </Suspense>
  );
}

function RoutePage({ route }: { readonly route: Route }) {
  switch (route.kind) {
    case 'home':
      return <Home />;
    case 'about':
      return <About />;
    case 'lab':
      return <LabPage scenarioId={route.id} query={route.query} />;
    case 'tour':
      return <TourPage tourId={route.tour} chapterId={route.chapter} />;
    case 'present':
      return <PresenterPage tourId={route.tour} chapterId={route.chapter} query={route.query} />;
    case 'fix':
      return <FixLabPage race={route.race} query={route.query} />;
    case 'affected':
      return <AffectedPage query={route.query} />;
    case 'glossary':
      return <GlossaryPage />;
    case 'notFound':
      return <NotFound path={route.path} />;
    default:
      return assertUnreachable(route, 'route');
  }
}
