// Whether the tour is open and at which step, shared by the header button and the overlay (they sit in
// different parts of the page). A tiny zustand store; the overlay mirrors it into the URL.
import { createStore } from 'zustand/vanilla';
import { TOUR_STEPS } from './tour-steps';

export interface TourState {
  open: boolean;
  /** 0-based index into TOUR_STEPS. */
  index: number;
}

const clamp = (index: number) => Math.min(TOUR_STEPS.length - 1, Math.max(0, Math.floor(index)));

export const tourStore = createStore<TourState>(() => ({ open: false, index: 0 }));

export const openTour = (index = 0) => tourStore.setState({ open: true, index: clamp(index) });
export const closeTour = () => tourStore.setState({ open: false });
export const goToStep = (index: number) => tourStore.setState({ index: clamp(index) });
