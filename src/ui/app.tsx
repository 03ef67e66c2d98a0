// The first screen: header with the backend badge and picker, the story, the live experiment (the
// default scene is the paper's Figure 1 on MNIST), the backend details and the optimizer self-check.
// Engine, training and page state (the scene on screen, the backend) live outside React
// (state/app-state); the link was read once at start-up (state/url/start-url.ts) and the address bar is
// written only by state/url/url-sync.ts.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { controller, page, training } from '../state/app-state';
import { shortenInput } from '../state/echo';
import { startEmbedApi } from '../state/embed/embed-api';
import { embedParams, hiddenParts } from '../state/embed/embed-params';
import { startUrl } from '../state/url/start-url';
import { startUrlSync } from '../state/url/url-sync';
import { BackendBadge } from './backend-badge';
import { BackendPanel } from './backend-panel';
import { BackendPicker } from './backend-picker';
import { EmbedBar } from './embed-bar';
import { HiddenParts } from './embed-context';
import { LazyExportMenu as ExportMenu } from './export/lazy-export-menu';
import { htmlLang, LanguagePicker, useLanguage, useT } from './i18n';
import { Intro } from './intro';
import { Notice } from './notice';
import { SlideLayout, useSlideLayout } from './slide-layout';
import { LazyTour as Tour } from './tour/lazy-tour';
import { TourButton } from './tour/tour-button';
import { tourStep, tourStore } from './tour/tour-store';
import { TrainingControls } from './training-controls';
import { TrainingPanel } from './training-panel';
import { useEngine } from './use-engine';
import { usePresentationMode } from './use-presentation-mode';
import { useShortcuts } from './use-shortcuts';
import { useSceneLoader } from './use-training';

// Not needed for the first paint: separate chunks, fetched when first shown (the verify panel just
// after the first render; it sits below the fold).
const ShareDialog = lazy(() => import('./share/share-dialog').then((m) => ({ default: m.ShareDialog })));
const ShortcutSheet = lazy(() => import('./shortcut-sheet').then((m) => ({ default: m.ShortcutSheet })));
const UrlNotices = lazy(() => import('./url-notices').then((m) => ({ default: m.UrlNotices })));
const VerifyPanel = lazy(() => import('./verify-panel').then((m) => ({ default: m.VerifyPanel })));

export function App() {
  const start = startUrl();
  const preference = useStore(page.store, (s) => s.backend);
  const [invalidParam, setInvalidParam] = useState(start.refusedBackend);
  const { engine, strayError } = useEngine(preference);
  const t = useT();
  const language = useLanguage();
  useEffect(() => {
    document.documentElement.lang = htmlLang(language);
  }, [language]);

  const ready = engine?.phase === 'ready' ? engine : null;
  // The link decided the first scene, experiment and view; the address bar then follows the stores.
  const [urlNotices, setUrlNotices] = useState(start.notices);
  const sceneId = useStore(page.store, (s) => s.sceneId);
  useSceneLoader(sceneId, ready !== null, start.experiment);
  const [shareOpen, setShareOpen] = useState(false);

  const [sheetOpen, setSheetOpen] = useState(false);
  const [present, setPresent] = useState(start.page.present === true);
  usePresentationMode(present);
  const handlers = useMemo(
    () => ({
      onScene: page.setScene,
      toggleSheet: () => setSheetOpen((open) => !open),
      closeSheet: () => setSheetOpen(false),
      togglePresent: () => setPresent((on) => !on),
    }),
    [],
  );
  useShortcuts(handlers);

  const [embed] = useState(() => embedParams(start.page));
  const slide = useSlideLayout(embed);
  const hidden = useMemo(() => hiddenParts(embed, slide), [embed, slide]);
  useEffect(
    () =>
      startUrlSync({
        training,
        page,
        tour: { step: tourStep, subscribe: (onChange) => tourStore.subscribe(onChange) },
      }),
    [],
  );
  useEffect(
    () =>
      startEmbedApi({
        controller,
        training,
        onScene: page.setScene,
        sceneId: () => page.store.getState().sceneId,
        origin: embed.origin,
        originRefused: embed.refusedOrigin !== null,
      }),
    [embed.origin, embed.refusedOrigin],
  );

  const [originDismissed, setOriginDismissed] = useState(false);
  const originNotice = embed.refusedOrigin !== null && !originDismissed && (
    <Notice testId="origin-notice" onDismiss={() => setOriginDismissed(true)}>
      {t('embed.originRefused', { value: shortenInput(embed.refusedOrigin) })}
    </Notice>
  );

  if (embed.embed) {
    return (
      <HiddenParts.Provider value={hidden}>
        <SlideLayout.Provider value={slide}>
          <div
            className={slide ? 'app app--embed app--slide' : 'app app--embed'}
            data-testid="app"
            data-embed="true"
            data-layout={slide ? 'slide' : 'full'}
          >
            <EmbedBar sceneId={sceneId} />
            {originNotice}
            <main className="main main--embed">
              <TrainingPanel sceneId={sceneId} />
            </main>
            <Tour />
          </div>
        </SlideLayout.Provider>
      </HiddenParts.Provider>
    );
  }

  return (
    <div className={present ? 'app app--present' : 'app'} data-testid="app" data-present={present}>
      <header className="header">
        <div className="header__brand">
          <h1>Anisoscope</h1>
          <span className="header__tagline">{t('app.tagline')}</span>
        </div>
        <TrainingControls sceneId={sceneId} onScene={page.setScene} />
        <div className="header__actions">
          <TourButton />
          <button
            type="button"
            className="button button--quiet"
            data-testid="share-button"
            onClick={() => setShareOpen(true)}
          >
            {t('share.button')}
          </button>
          <ExportMenu scene={sceneId} align="end" />
        </div>
        {/* Wraps on a phone: badge, backend and language pickers do not fit one 390-px row. */}
        <div className="header__controls" style={{ flexWrap: 'wrap' }}>
          <BackendBadge engine={engine} />
          <BackendPicker value={preference} onChange={page.setBackend} />
          <LanguagePicker />
        </div>
      </header>
      <main className="main">
        {invalidParam !== null && (
          <Notice onDismiss={() => setInvalidParam(null)}>
            {t('app.unknownBackend', { value: shortenInput(invalidParam) })}
          </Notice>
        )}
        {originNotice}
        {urlNotices.length > 0 && (
          <Suspense fallback={null}>
            <UrlNotices notices={urlNotices} onDismiss={() => setUrlNotices([])} />
          </Suspense>
        )}
        <TrainingPanel sceneId={sceneId} />
        <Intro />
        <BackendPanel engine={engine} strayError={strayError} />
        <Suspense fallback={null}>
          <VerifyPanel
            key={engine?.generation ?? 0}
            client={ready?.client ?? null}
            backend={ready?.ready.backend ?? null}
          />
        </Suspense>
      </main>
      <footer className="footer muted small">
        {t('app.footer')}{' '}
        <button
          type="button"
          className="link-button"
          data-testid="shortcuts-button"
          onClick={() => setSheetOpen(true)}
        >
          {t('app.shortcutsButton')}
        </button>
      </footer>
      <Suspense fallback={null}>
        {sheetOpen && <ShortcutSheet onClose={() => setSheetOpen(false)} />}
        {shareOpen && <ShareDialog sceneId={sceneId} onClose={() => setShareOpen(false)} />}
      </Suspense>
      <Tour />
    </div>
  );
}
