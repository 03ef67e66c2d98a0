import { describe, expect, it } from 'vitest';
import { SCENES } from '../../engine/scenes';
import { decodeState, resolveUrlState } from '../../state/url/codec';
import { embedLink, iframeSnippet, shareLink } from './share-links';

const scene = SCENES.find((s) => s.id === 'race-moons');
if (!scene) throw new Error('scene missing');
const experiment = {
  ...scene.experiment,
  runs: scene.experiment.runs.map((r, i) => (i === 0 ? { ...r, spec: { ...r.spec, lr: 0.03 } } : r)),
};
const state = {
  sceneId: scene.id,
  experiment,
  view: { shownField: 'adaptiveRate' as const, sharedScale: true, aggregate: 'max' as const },
};

describe('share links', () => {
  it('a link reproduces the experiment it was made from', () => {
    const link = shareLink('https://example.org/app/?old=1#x', state);
    expect(link.startsWith('https://example.org/app/?')).toBe(true);
    const decoded = decodeState(new URL(link).search);
    expect(decoded.notices).toEqual([]);
    const { scene: s, experiment: e } = resolveUrlState(decoded.state);
    expect(s.id).toBe('race-moons');
    expect(e.runs[0]?.spec).toMatchObject({ lr: 0.03 });
  });

  it('an embed link carries embed=1, the hide flags and the origin; the snippet escapes quotes', () => {
    const link = embedLink('https://example.org/app/', state, {
      hide: ['curves', 'edit'],
      width: 960,
      height: 720,
      origin: 'https://slides.example.org',
    });
    const params = new URL(link).searchParams;
    expect(params.get('embed')).toBe('1');
    expect(params.get('hide')).toBe('curves,edit');
    expect(params.get('origin')).toBe('https://slides.example.org');
    expect(params.get('layout')).toBeNull(); // the slide layout by default in a wide frame
    // Written by the schema's rows (readable commas), so the app reads back exactly these keys.
    expect(link).toContain('hide=curves,edit');
    const decoded = decodeState(new URL(link).search);
    expect(decoded.notices).toEqual([]);
    expect(decoded.state.page).toEqual({
      embed: true,
      hide: ['curves', 'edit'],
      origin: 'https://slides.example.org',
    });
    expect(resolveUrlState(decoded.state).experiment.runs[0]?.spec).toMatchObject({ lr: 0.03 });
    const full = embedLink('https://example.org/app/', state, {
      hide: [],
      width: 960,
      height: 720,
      origin: '',
      layout: 'full',
    });
    expect(new URL(full).searchParams.get('layout')).toBe('full');
    expect(new URL(full).searchParams.get('hide')).toBeNull();
    // An origin is written normalised; anything that is not one is not written at all.
    const odd = (origin: string) =>
      new URL(
        embedLink('https://example.org/app/', state, { hide: [], width: 1, height: 1, origin }),
      ).searchParams.get('origin');
    expect(odd(' HTTPS://Slides.Example.org ')).toBe('https://slides.example.org');
    expect(odd('slides.example.org')).toBeNull();
    const snippet = iframeSnippet('https://a.example/?x="1"&y=2', { width: 960, height: 720 }, 'Anisoscope');
    expect(snippet).toBe(
      '<iframe src="https://a.example/?x=&quot;1&quot;&amp;y=2" width="960" height="720" style="border:0" title="Anisoscope" loading="lazy"></iframe>',
    );
  });
});
