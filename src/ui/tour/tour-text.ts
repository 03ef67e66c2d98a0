// The tour's words in one language, read from the string tables (`tour.*` keys): the buttons, the
// "step n of total" line and each step's title, caption and where to look.
import type { Language } from '../i18n/language';
import type { StringKey } from '../i18n/strings-en';
import { translate } from '../i18n/translate';
import { TOUR_STEP_IDS, type TourStepId } from './tour-steps';

export interface TourStepText {
  title: string;
  /** Two or three sentences: the step's part of the argument. */
  caption: string;
  /** Where to look, one line. */
  look: string;
}

export interface TourText {
  start: string;
  startTitle: string;
  stepOf: (n: number, total: number) => string;
  lookLabel: string;
  back: string;
  next: string;
  finish: string;
  close: string;
  steps: Record<TourStepId, TourStepText>;
}

/** The string-table key of one part of a step. */
export const tourStepKey = (id: TourStepId, part: keyof TourStepText): StringKey => `tour.${id}.${part}`;

export function tourText(language: Language): TourText {
  const t = (key: StringKey) => translate(language, key);
  const step = (id: TourStepId): TourStepText => ({
    title: t(tourStepKey(id, 'title')),
    caption: t(tourStepKey(id, 'caption')),
    look: t(tourStepKey(id, 'look')),
  });
  return {
    start: t('tour.start'),
    startTitle: t('tour.startTitle'),
    stepOf: (n, total) => translate(language, 'tour.stepOf', { n, total }),
    lookLabel: t('tour.lookLabel'),
    back: t('tour.back'),
    next: t('tour.next'),
    finish: t('tour.finish'),
    close: t('tour.close'),
    steps: Object.fromEntries(TOUR_STEP_IDS.map((id) => [id, step(id)])) as Record<TourStepId, TourStepText>,
  };
}
