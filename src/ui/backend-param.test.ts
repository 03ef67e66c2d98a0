import { describe, expect, it } from 'vitest';
import { readBackendParam, withBackendParam } from './backend-param';

describe('readBackendParam', () => {
  it('defaults to auto', () => {
    expect(readBackendParam('')).toEqual({ preference: 'auto', invalid: null });
    expect(readBackendParam('?backend=')).toEqual({ preference: 'auto', invalid: null });
  });
  it('accepts every backend, case-insensitively', () => {
    for (const b of ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const) {
      expect(readBackendParam(`?backend=${b}`).preference).toBe(b);
    }
    expect(readBackendParam('?backend=WebGPU').preference).toBe('webgpu');
  });
  it('reports an unknown value and falls back to auto', () => {
    expect(readBackendParam('?backend=tpu&x=1')).toEqual({ preference: 'auto', invalid: 'tpu' });
  });
});

describe('withBackendParam', () => {
  it('sets the parameter and keeps the others', () => {
    expect(withBackendParam('http://h/app/?x=1', 'wasm')).toBe('http://h/app/?x=1&backend=wasm');
  });
  it('drops it for auto', () => {
    expect(withBackendParam('http://h/?backend=cpu&x=1', 'auto')).toBe('http://h/?x=1');
  });
});
