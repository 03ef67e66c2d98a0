import { describe, expect, it } from 'vitest';
import { decodeState } from '../url/codec';
import { embedParams, hiddenParts, parseOrigin, SLIDE_HIDDEN } from './embed-params';

/** The embedding a link asks for, read as the app reads it at start-up (with every other key). */
const readEmbedParams = (search: string) => embedParams(decodeState(search).state.page ?? {});

describe('embed parameters', () => {
  it('are off by default and hide the drawer and add button in embed mode', () => {
    expect(readEmbedParams('').embed).toBe(false);
    expect([...readEmbedParams('').hidden]).toEqual([]);
    const p = readEmbedParams('?embed=1&hide=curves,task,bogus&origin=https://slides.example.org/');
    expect(p.embed).toBe(true);
    expect([...p.hidden].sort()).toEqual(['add', 'curves', 'settings', 'task']);
    expect(p.origin).toBe('https://slides.example.org');
    expect(readEmbedParams('?embed=1&show=settings').hidden.has('settings')).toBe(false);
    expect(p.refusedOrigin).toBeNull();
    expect(readEmbedParams('?embed=1').refusedOrigin).toBeNull();
  });

  it('origin= fails closed: anything but scheme://host[:port] is refused, never widened to any parent', () => {
    const bad = [
      'not a url',
      'slides.example.org',
      '//slides.example.org',
      'https://slides.example.org/deck',
      'https://slides.example.org?x=1',
      'https://slides.example.org#top',
      'https://user:pw@slides.example.org',
      'data:,x',
      'data:text/html,<script>1</script>',
      'null',
      'file:///home/deck.html',
      'javascript:alert(1)',
      'https://',
      '*',
      'https://slides.example.org:99999',
    ];
    for (const value of bad) {
      const p = readEmbedParams(`?embed=1&origin=${encodeURIComponent(value)}`);
      expect(p.origin, value).toBeNull();
      expect(p.refusedOrigin, value).toBe(value);
    }
  });

  it('accepts and normalises real origins', () => {
    expect(parseOrigin('https://slides.example.org')).toBe('https://slides.example.org');
    expect(parseOrigin(' HTTPS://Slides.Example.org/ ')).toBe('https://slides.example.org');
    expect(parseOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    expect(parseOrigin('https://slides.example.org:443')).toBe('https://slides.example.org');
    expect(parseOrigin('http://[::1]:3000')).toBe('http://[::1]:3000');
  });

  it('read the layout: auto unless layout=full', () => {
    expect(readEmbedParams('?embed=1').layout).toBe('auto');
    expect(readEmbedParams('?embed=1&layout=full').layout).toBe('full');
    expect(readEmbedParams('?embed=1&layout=bogus').layout).toBe('auto');
  });

  it('leave out the slide extras in the slide layout, except what show= names', () => {
    const plain = readEmbedParams('?embed=1');
    expect(hiddenParts(plain, false)).toBe(plain.hidden);
    const slide = hiddenParts(plain, true);
    for (const part of SLIDE_HIDDEN) expect(slide.has(part)).toBe(true);
    // The slide keeps what it is for: heatmaps and the Figure 1 chart.
    expect(slide.has('heatmaps')).toBe(false);
    expect(slide.has('charts')).toBe(false);
    const more = readEmbedParams('?embed=1&show=curves,numbers&hide=heatmaps');
    const hidden = hiddenParts(more, true);
    expect(hidden.has('curves')).toBe(false);
    expect(hidden.has('numbers')).toBe(false);
    expect(hidden.has('task')).toBe(true);
    expect(hidden.has('heatmaps')).toBe(true);
    expect([...more.shown].sort()).toEqual(['curves', 'numbers']);
  });
});
