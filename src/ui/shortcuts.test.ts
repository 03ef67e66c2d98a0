import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor } from './shortcuts';

describe('keyboard shortcuts', () => {
  it('maps every key on the sheet to its action', () => {
    expect(shortcutFor({ key: ' ' })).toEqual({ kind: 'playPause' });
    expect(shortcutFor({ key: 'ArrowRight' })).toEqual({ kind: 'step' });
    expect(shortcutFor({ key: 'r' })).toEqual({ kind: 'reset' });
    expect(shortcutFor({ key: '3' })).toEqual({ kind: 'scene', index: 2 });
    expect(shortcutFor({ key: '?' })).toEqual({ kind: 'sheet' });
    expect(shortcutFor({ key: 'P' })).toEqual({ kind: 'present' });
    expect(shortcutFor({ key: 'Escape' })).toEqual({ kind: 'close' });
    expect(SHORTCUTS.length).toBe(7);
  });

  it('leaves modified keys and other keys to the browser', () => {
    expect(shortcutFor({ key: 'r', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: 'p', metaKey: true })).toBeNull();
    expect(shortcutFor({ key: '0' })).toBeNull();
    expect(shortcutFor({ key: 'x' })).toBeNull();
  });
});
