// The header's "Take the tour" button. Apart from tour.tsx so that the overlay can load lazily.
import { useStore } from 'zustand';
import { languageStore } from '../i18n/language';
import { openTour } from './tour-store';
import { tourText } from './tour-text';

/** "Take the tour", for the header: opens the tour at step 1 (restarts it if open). */
export function TourButton({ className = 'button button--quiet' }: { className?: string }) {
  const TEXT = tourText(useStore(languageStore, (l) => l.language));
  return (
    <button
      type="button"
      className={className}
      id="tour-start"
      data-testid="tour-start"
      title={TEXT.startTitle}
      onClick={() => openTour(0)}
    >
      {TEXT.start}
    </button>
  );
}
