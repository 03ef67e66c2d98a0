// Presentation mode: large type and high contrast for a lecture hall, full screen where the browser
// allows it (it may refuse without a user gesture; the styles apply either way).
import { useEffect } from 'react';

export function usePresentationMode(on: boolean): void {
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('present', on);
    if (on && !document.fullscreenElement && root.requestFullscreen) {
      root.requestFullscreen().catch(() => undefined);
    } else if (!on && document.fullscreenElement) {
      document.exitFullscreen().catch(() => undefined);
    }
  }, [on]);
}
