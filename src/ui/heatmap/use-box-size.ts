// The content box of an element and the screen's pixel ratio, measured before paint and kept current
// (a ResizeObserver for the box, the window's resize for zoom, which changes the pixel ratio).
import { type RefObject, useLayoutEffect, useState } from 'react';

export interface BoxSize {
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  dpr: number;
}

const pixelRatio = () => (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1);

export function useBoxSize(ref: RefObject<HTMLElement | null>): BoxSize {
  const [size, setSize] = useState<BoxSize>(() => ({ width: 0, height: 0, dpr: pixelRatio() }));
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const next = {
        width: Math.floor(el.clientWidth),
        height: Math.floor(el.clientHeight),
        dpr: pixelRatio(),
      };
      setSize((s) => (s.width === next.width && s.height === next.height && s.dpr === next.dpr ? s : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref]);
  return size;
}
