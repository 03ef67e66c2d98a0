import { describe, expect, it } from 'vitest';
import { EN as EN_NOW, type StringKey } from './strings-en';
import { EN_LATER } from './strings-en-later';
import { ZH } from './strings-zh';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const tags = (s: string) => [...s.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]).sort();

const EN: Record<StringKey, string> = { ...EN_NOW, ...EN_LATER };

describe('string tables', () => {
  it('puts each English key in one table only (the initial one or the later one)', () => {
    expect(Object.keys(EN_LATER).filter((k) => k in EN_NOW)).toEqual([]);
  });

  const keys = Object.keys(EN) as StringKey[];

  it('gives every English key a non-empty Chinese string', () => {
    for (const key of keys) {
      expect(ZH[key], key).toBeTypeOf('string');
      expect(ZH[key].trim().length, key).toBeGreaterThan(0);
    }
    expect(Object.keys(ZH).sort()).toEqual([...keys].sort());
  });

  it('keeps the same {placeholders} and inline tags in both languages', () => {
    for (const key of keys) {
      expect(placeholders(ZH[key]), key).toEqual(placeholders(EN[key]));
      expect(tags(ZH[key]), key).toEqual(tags(EN[key]));
    }
  });

  it('has no English string left untranslated where words are involved', () => {
    // Identical strings are fine only when they are names, symbols or math.
    const same = keys.filter((k) => ZH[k] === EN[k] && /[a-z]{4,}/.test(EN[k].replace(/\{\w+\}/g, '')));
    expect(same).toEqual([]);
  });
});
