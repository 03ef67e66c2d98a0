// The content size of an element, kept current with a ResizeObserver (charts fill their column, and in
// the slide layout their row too).
import { type RefObject, useEffect, useState } from 'react';

function useElementSide(
  ref: RefObject<HTMLElement | null>,
  side: 'clientWidth' | 'clientHeight',
  fallback: number,
) {
  const [size, setSize] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const s = Math.floor(el[side]);
      if (s > 0) setSize(s);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, side]);
  return size;
}

export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback = 320): number {
  return useElementSide(ref, 'clientWidth', fallback);
}

/** The height of an element whose height the page sets (not its content); `fallback` until measured. */
export function useElementHeight(ref: RefObject<HTMLElement | null>, fallback: number): number {
  return useElementSide(ref, 'clientHeight', fallback);
}
