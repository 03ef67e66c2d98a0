// Whether the tour is open and at which step, shared by the header button and the overlay (they sit in
// different parts of the page). A tiny zustand store that starts from the link (`?tour=1&step=N`); the
// one URL writer (state/url/url-sync.ts) mirrors it into the address bar.
import { createStore } from 'zustand/vanilla';
import { startUrl } from '../../state/url/start-url';
import { TOUR_STEPS } from './tour-steps';

export interface TourState {
  open: boolean;
  /** 0-based index into TOUR_STEPS. */
  index: number;
}

const clamp = (index: number) => Math.min(TOUR_STEPS.length - 1, Math.max(0, Math.floor(index)));

export const tourStore = createStore<TourState>(() => {
  const { tour, step } = startUrl().page;
  return { open: tour === true, index: clamp((step ?? 1) - 1) };
});

/** The open tour's 1-based step, or null when it is closed (what the address bar says). */
export const tourStep = (): number | null => {
  const { open, index } = tourStore.getState();
  return open ? index + 1 : null;
};

export const openTour = (index = 0) => tourStore.setState({ open: true, index: clamp(index) });
export const closeTour = () => tourStore.setState({ open: false });
export const goToStep = (index: number) => tourStore.setState({ index: clamp(index) });
