import { describe, expect, it } from 'vitest';
import { sameProps } from './same-props';

describe('sameProps', () => {
  it('treats fresh arrays and plain objects with the same contents as equal', () => {
    expect(
      sameProps(
        { domain: [1, 2], spec: { lr: 1e-3, name: 'adam' } },
        { domain: [1, 2], spec: { lr: 1e-3, name: 'adam' } },
      ),
    ).toBe(true);
    expect(sameProps({ a: Number.NaN }, { a: Number.NaN })).toBe(true);
  });
  it('sees a changed value, key or nesting', () => {
    expect(sameProps({ domain: [1, 2] }, { domain: [1, 3] })).toBe(false);
    expect(sameProps({ spec: { lr: 1 } }, { spec: { lr: 2 } })).toBe(false);
    expect(sameProps<Record<string, number>>({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameProps({ a: { b: [1] } }, { a: { b: [1] } })).toBe(false); // one level only
    expect(sameProps({ f: new Float32Array(1) }, { f: new Float32Array(1) })).toBe(false);
  });
});
