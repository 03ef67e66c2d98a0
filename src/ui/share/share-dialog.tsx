// "Share / embed": the link to this experiment and an <iframe> snippet for slides, built from the
// current state, with the embed options (what to hide, size, which origin may drive it). The experiment is
// the one the user asked for, edits still on their way to the engine included (state/requested-
// experiment.ts), and the dialog follows it: an edit the engine refuses leaves the link again.
import './share.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { HIDEABLE, type Hideable, parseOrigin } from '../../state/embed/embed-params';
import { urlStateOf } from '../../state/url/url-sync';
import { useT } from '../i18n';
import { useTraining } from '../use-training';
import { embedLink, iframeSnippet, shareLink } from './share-links';
import '../i18n/later-strings'; // this part's English strings (strings-en-later.ts)

/** This page's address without its query: the link works wherever the app is hosted. */
function pageBase(): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  return url.href;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // the field is selected instead, for Ctrl+C
  }
}

export function ShareDialog({ sceneId, onClose }: { sceneId: string; onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [hide, setHide] = useState<Hideable[]>(['settings', 'add']);
  const [size, setSize] = useState({ width: 960, height: 720 });
  const [origin, setOrigin] = useState('');
  const [slide, setSlide] = useState(true);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const experiment = useTraining((s) => s.experiment);
  const shownField = useTraining((s) => s.shownField);
  const sharedScale = useTraining((s) => s.sharedScale);
  const aggregate = useTraining((s) => s.aggregate);
  const state = useMemo(
    () => urlStateOf({ experiment, shownField, sharedScale, aggregate }, sceneId),
    [experiment, shownField, sharedScale, aggregate, sceneId],
  );
  const base = pageBase();
  // What is typed must be an origin (the app would refuse anything else and answer no parent at all).
  const checkedOrigin = origin.trim() === '' ? '' : parseOrigin(origin);
  const originInvalid = checkedOrigin === null;
  const { link, snippet } = useMemo(() => {
    if (!state) return { link: '', snippet: '' };
    const link = shareLink(base, state);
    if (checkedOrigin === null) return { link, snippet: '' };
    const src = embedLink(base, state, {
      hide,
      ...size,
      origin: checkedOrigin,
      layout: slide ? 'auto' : 'full',
    });
    return { link, snippet: iframeSnippet(src, size, 'Anisoscope') };
  }, [state, base, hide, size, checkedOrigin, slide]);

  const copyField = async (id: string, text: string) => {
    const ok = await copy(text);
    if (!ok) (document.getElementById(id) as HTMLTextAreaElement | null)?.select();
    setCopied(ok ? id : null);
  };

  return (
    <dialog
      ref={dialog}
      className="sheet card share"
      aria-labelledby="share-title"
      data-testid="share-dialog"
      onClose={onClose}
    >
      <h2 id="share-title">{t('share.title')}</h2>
      <label className="field" htmlFor="share-link">
        <span>{t('share.link')}</span>
      </label>
      <textarea id="share-link" data-testid="share-link" readOnly rows={3} value={link} />
      <button
        type="button"
        className="button button--quiet"
        data-testid="copy-link"
        onClick={() => void copyField('share-link', link)}
      >
        {copied === 'share-link' ? t('share.copied') : t('share.copyLink')}
      </button>
      <fieldset className="share__options">
        <legend>{t('share.hide')}</legend>
        {HIDEABLE.map((part) => (
          <label key={part} className="share__check">
            <input
              type="checkbox"
              data-testid={`share-hide-${part}`}
              checked={hide.includes(part)}
              onChange={(e) => setHide(e.target.checked ? [...hide, part] : hide.filter((p) => p !== part))}
            />
            {part}
          </label>
        ))}
      </fieldset>
      <label className="share__check">
        <input
          type="checkbox"
          data-testid="share-slide"
          checked={slide}
          onChange={(e) => setSlide(e.target.checked)}
        />
        {t('share.slideLayout')}
      </label>
      <div className="share__size">
        <label className="field">
          <span>{t('share.width')}</span>
          <input
            type="number"
            min={320}
            max={3840}
            value={size.width}
            onChange={(e) => setSize({ ...size, width: Number(e.target.value) || 960 })}
          />
        </label>
        <label className="field">
          <span>{t('share.height')}</span>
          <input
            type="number"
            min={240}
            max={2160}
            value={size.height}
            onChange={(e) => setSize({ ...size, height: Number(e.target.value) || 720 })}
          />
        </label>
        <label className="field">
          <span>{t('share.origin')}</span>
          <input
            type="url"
            placeholder="https://slides.example.org"
            value={origin}
            onChange={(e) => setOrigin(e.target.value)}
            data-testid="share-origin"
            aria-invalid={originInvalid}
            aria-describedby={originInvalid ? 'share-origin-error' : undefined}
          />
        </label>
        {originInvalid && (
          <p id="share-origin-error" className="share__error" role="alert" data-testid="share-origin-error">
            {t('share.originInvalid')}
          </p>
        )}
      </div>
      <label className="field" htmlFor="share-snippet">
        <span>{t('share.snippet')}</span>
      </label>
      <textarea id="share-snippet" data-testid="share-snippet" readOnly rows={4} value={snippet} />
      <div className="drawer__actions">
        <button
          type="button"
          className="button button--quiet"
          data-testid="copy-snippet"
          disabled={snippet === ''}
          onClick={() => void copyField('share-snippet', snippet)}
        >
          {copied === 'share-snippet' ? t('share.copied') : t('share.copySnippet')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('share.close')}
        </button>
      </div>
    </dialog>
  );
}
