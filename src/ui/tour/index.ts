// The guided tour: mount <Tour sceneId onScene /> once and <TourButton /> in the header.
export { Tour, TourButton, type TourProps } from './tour';
export { TOUR_STEPS, TOUR_TEXT, type TourStep } from './tour-steps';
export { closeTour, openTour } from './tour-store';
