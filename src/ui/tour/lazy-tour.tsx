// The tour overlay, loaded on demand: its code is fetched the first time the tour opens (the header
// button, or a `?tour=1` link), so it is not part of the page's initial JavaScript.
import { lazy, Suspense, useState } from 'react';
import { useStore } from 'zustand';
import { tourStore } from './tour-store';

const TourOverlay = lazy(() => import('./tour').then((m) => ({ default: m.Tour })));

export function LazyTour() {
  const open = useStore(tourStore, (s) => s.open);
  const [wanted, setWanted] = useState(open);
  // Once loaded it stays mounted (its code is fetched once); a `?tour=1` link opens it at once.
  if (open && !wanted) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <TourOverlay />
    </Suspense>
  );
}
