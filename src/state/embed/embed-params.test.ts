import { describe, expect, it } from 'vitest';
import { readEmbedParams } from './embed-params';

describe('embed parameters', () => {
  it('are off by default and hide the drawer and add button in embed mode', () => {
    expect(readEmbedParams('').embed).toBe(false);
    expect([...readEmbedParams('').hidden]).toEqual([]);
    const p = readEmbedParams('?embed=1&hide=curves,task,bogus&origin=https://slides.example.org/deck');
    expect(p.embed).toBe(true);
    expect([...p.hidden].sort()).toEqual(['add', 'curves', 'settings', 'task']);
    expect(p.origin).toBe('https://slides.example.org');
    expect(readEmbedParams('?embed=1&show=settings').hidden.has('settings')).toBe(false);
    expect(readEmbedParams('?embed=1&origin=not a url').origin).toBeNull();
  });
});
