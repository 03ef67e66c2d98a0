// The slide layout: an embedded copy in a short, wide frame (a slide's iframe, 4:3 or wider) shows one
// screen without scrolling — each run's main heatmap, its max/min readout and its Figure 1 chart, in
// type large enough to read from the back of a room. The browser decides (a media query on the
// frame's aspect ratio, live as the frame is resized); `layout=full` opts out.
import './slide-layout.css';
import { createContext, useContext, useEffect, useState } from 'react';
import type { EmbedParams } from '../state/embed/embed-params';

export const SLIDE_QUERY = '(min-aspect-ratio: 4/3)';

function matches(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(query).matches
    : false;
}

/** Whether a media query matches now, kept current. */
export function useMediaQuery(query: string): boolean {
  const [on, setOn] = useState(() => matches(query));
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const update = () => setOn(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return on;
}

/** True when this embedded copy uses the slide layout. */
export function useSlideLayout(embed: Pick<EmbedParams, 'embed' | 'layout'>): boolean {
  const wide = useMediaQuery(SLIDE_QUERY);
  return embed.embed && embed.layout === 'auto' && wide;
}

export const SlideLayout = createContext(false);

/** Whether the page is in the slide layout (components that size themselves to it ask). */
export function useSlide(): boolean {
  return useContext(SlideLayout);
}
