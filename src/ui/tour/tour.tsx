// The guided tour: a caption card (step n of N, title, text, where to look, Back / Next / Close) and an
// outline over the step's target. Nothing is dimmed and only the card takes the pointer, so the app
// stays usable underneath. ← / → / Esc move and close while the tour is open (not while a field, a
// slider or a heatmap has focus). Entering a step loads its scene and, where asked, starts training.
// The URL mirrors the step (`?tour=1&step=N`, written by state/url/url-sync.ts), so a step can be linked.
import { useEffect, useId, useRef } from 'react';
import { useStore } from 'zustand';
import { sceneById } from '../../engine/scenes';
import { controller, page, training } from '../../state/app-state';
import { languageStore } from '../i18n/language';
import { pageHidden } from '../page-visibility';
import { ownsKeys, pickCorner, sceneLoaded, scrollDelta } from './tour-layout';
import { TOUR_STEPS } from './tour-steps';
import { closeTour, goToStep, type TourState, tourStore } from './tour-store';
import { tourText } from './tour-text';
import './tour.css';
import '../i18n/later-strings'; // this part's English strings (strings-en-later.ts)

const PAD = 6;

function useTour<T>(select: (s: TourState) => T): T {
  return useStore(tourStore, select);
}

/** Starts training once the training state shows `sceneId` (at once if it already does). */
function playWhenLoaded(sceneId: string): () => void {
  const scene = sceneById(sceneId);
  if (!scene) return () => {};
  const play = () => {
    if (!training.store.getState().status?.playing) void controller.play();
  };
  if (sceneLoaded(training.store.getState(), scene)) {
    play();
    return () => {};
  }
  const unsubscribe = training.store.subscribe((state) => {
    if (!sceneLoaded(state, scene)) return;
    unsubscribe();
    play();
  });
  return unsubscribe;
}

function findTarget(id: string): HTMLElement | null {
  return document.getElementById(id);
}

/** The bottom of a sticky or fixed page header at the top of the viewport (0 without one). */
function stickyTop(): number {
  const header = document.querySelector<HTMLElement>('header');
  if (!header) return 0;
  const position = getComputedStyle(header).position;
  if (position !== 'sticky' && position !== 'fixed') return 0;
  const r = header.getBoundingClientRect();
  return r.top <= 1 && r.bottom > 0 ? r.bottom : 0;
}

function close(): void {
  closeTour();
  findTarget('tour-start')?.focus({ preventScroll: true });
}

/** The overlay. Mount once, anywhere in the app; it renders nothing while the tour is closed. */
export function Tour() {
  const TEXT = tourText(useStore(languageStore, (l) => l.language));
  const open = useTour((s) => s.open);
  const index = useTour((s) => s.index);
  const highlightRef = useRef<HTMLDivElement>(null);
  const cardRef = useRef<HTMLElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const entered = useRef(false);
  const titleId = useId();
  const textId = useId();

  // Entering a step: its scene, then (if asked, or if the scene had to be loaded, or on opening) play.
  useEffect(() => {
    if (!open) {
      entered.current = false;
      return;
    }
    const step = TOUR_STEPS[index];
    if (!step) return;
    const first = !entered.current;
    entered.current = true;
    const switched = page.store.getState().sceneId !== step.sceneId;
    if (switched) page.setScene(step.sceneId);
    const cancel = step.action === 'play' || switched || first ? playWhenLoaded(step.sceneId) : () => {};
    return () => {
      cancel();
      if (first) entered.current = false; // a StrictMode re-run is still the first entry
    };
  }, [open, index]);

  // Focus the card's Next button when the tour opens, so ← / → / Enter work at once.
  useEffect(() => {
    if (open) nextRef.current?.focus({ preventScroll: true });
  }, [open]);

  // Keys while open. Capture phase, so the app's own shortcuts see `defaultPrevented` and stand aside.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || ownsKeys(e.target)) return;
      const { index: at } = tourStore.getState();
      if (e.key === 'ArrowRight') {
        e.preventDefault();
        goToStep(at + 1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        goToStep(at - 1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);

  // The outline follows its target every frame (layout shifts, scroll, resize, a re-mounted panel);
  // written straight to the DOM, not through React. Scrolls the target into view once its scene is up.
  useEffect(() => {
    const step = TOUR_STEPS[index];
    if (!open || !step) return;
    const scene = sceneById(step.sceneId);
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    let scrolled = false;
    let frame = 0;
    let last = '';
    // After the first scroll, panels still drawing may push the target away: for a short while, while
    // the page is not being scrolled and the reader has not scrolled, align it again.
    let settleUntil = 0;
    let userScrolled = false;
    let lastY = Number.NaN;
    let still = 0;
    // A resize (a phone turned, a window narrowed) may move the target out of view: bring it back.
    const onResize = () => {
      scrolled = false;
      userScrolled = false;
    };
    const onUser = () => {
      userScrolled = true;
    };
    const USER = ['wheel', 'touchmove', 'pointerdown'] as const;
    window.addEventListener('resize', onResize);
    for (const type of USER) window.addEventListener(type, onUser, { passive: true });
    const tick = () => {
      frame = requestAnimationFrame(tick);
      if (pageHidden()) return; // nothing to place on a hidden page (see page-visibility.ts)
      const box = highlightRef.current;
      const card = cardRef.current;
      if (!box || !card) return;
      const el = findTarget(step.target);
      const r = el?.getBoundingClientRect();
      const top = stickyTop();
      const viewport = { width: window.innerWidth, height: window.innerHeight, top };
      const size = { width: card.offsetWidth, height: card.offsetHeight };
      if (!el || !r || (r.width === 0 && r.height === 0)) {
        if (box.dataset.found !== 'false') box.dataset.found = 'false';
        return;
      }
      const rect = {
        left: r.left - PAD,
        top: r.top - PAD,
        width: r.width + 2 * PAD,
        height: r.height + 2 * PAD,
      };
      still = window.scrollY === lastY ? still + 1 : 0;
      lastY = window.scrollY;
      if (!scrolled && (!scene || sceneLoaded(training.store.getState(), scene))) {
        scrolled = true;
        settleUntil = performance.now() + 3000;
        const dy = scrollDelta(rect, size, viewport);
        if (Math.abs(dy) > 1) window.scrollBy({ top: dy, behavior: reduced ? 'auto' : 'smooth' });
      } else if (scrolled && !userScrolled && still > 3 && performance.now() < settleUntil) {
        const dy = scrollDelta(rect, size, viewport);
        if (Math.abs(dy) > 24) window.scrollBy({ top: dy, behavior: 'auto' });
      }
      // The outline never covers a sticky header: the part of the target under it is clipped off.
      const clipped = Math.max(rect.top, top);
      const shown = { ...rect, top: clipped, height: rect.top + rect.height - clipped };
      const key = `${shown.left}|${shown.top}|${shown.width}|${shown.height}`;
      if (key !== last) {
        last = key;
        box.style.left = `${shown.left}px`;
        box.style.top = `${shown.top}px`;
        box.style.width = `${shown.width}px`;
        box.style.height = `${Math.max(0, shown.height)}px`;
      }
      const found = shown.height > 0 ? 'true' : 'false';
      if (box.dataset.found !== found) box.dataset.found = found;
      const corner = pickCorner(rect, size, viewport);
      if (card.dataset.corner !== corner) card.dataset.corner = corner;
      const cardTop = corner.startsWith('top') ? `${top + 16}px` : '';
      if (card.style.top !== cardTop) card.style.top = cardTop;
    };
    tick();
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', onResize);
      for (const type of USER) window.removeEventListener(type, onUser);
    };
  }, [open, index]);

  const step = TOUR_STEPS[index];
  if (!open || !step) return null;
  const words = TEXT.steps[step.id];
  const n = index + 1;
  const total = TOUR_STEPS.length;
  const last = n === total;
  return (
    <div className="tour" data-testid="tour" data-step={n}>
      <div
        ref={highlightRef}
        className="tour__highlight"
        data-testid="tour-highlight"
        data-target={step.target}
        aria-hidden="true"
      />
      <section
        ref={cardRef}
        className="tour__card"
        data-testid="tour-caption"
        role="dialog"
        aria-modal="false"
        aria-labelledby={titleId}
        aria-describedby={textId}
      >
        <button
          type="button"
          className="tour__close"
          data-testid="tour-close"
          aria-label={TEXT.close}
          title={TEXT.close}
          onClick={close}
        >
          ✕
        </button>
        <div aria-live="polite">
          <p className="tour__count" data-testid="tour-count">
            {TEXT.stepOf(n, total)}
          </p>
          <h2 id={titleId}>{words.title}</h2>
          <div id={textId}>
            <p>{words.caption}</p>
            <p className="tour__look">
              <strong>{TEXT.lookLabel}</strong> {words.look}
            </p>
          </div>
        </div>
        <div className="tour__buttons">
          <button
            type="button"
            className="button button--quiet"
            data-testid="tour-back"
            disabled={index === 0}
            onClick={() => goToStep(index - 1)}
          >
            {TEXT.back}
          </button>
          <button
            ref={nextRef}
            type="button"
            className="button"
            data-testid="tour-next"
            onClick={() => (last ? close() : goToStep(index + 1))}
          >
            {last ? TEXT.finish : TEXT.next}
          </button>
        </div>
      </section>
    </div>
  );
}
