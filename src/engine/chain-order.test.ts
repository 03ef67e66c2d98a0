import { describe, expect, it } from 'vitest';
import { backendOrder } from './chain-order';
import { isSoftwareAdapter, isSoftwareRenderer, softwareName } from './software-gpu';

describe('backendOrder', () => {
  it('walks the whole chain in auto', () => {
    expect(backendOrder('auto')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });
  it('tries an explicit choice first, then falls through to the rest of the chain', () => {
    expect(backendOrder('webgpu')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendOrder('webgl')).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder('cpu')).toEqual(['cpu']);
  });
});

describe('software GPU detection', () => {
  const swiftshader = {
    vendor: 'google',
    architecture: 'swiftshader',
    description: '',
    isFallbackAdapter: false,
  };
  it('recognises SwiftShader by name or by the fallback flag', () => {
    expect(isSoftwareAdapter(swiftshader)).toBe(true);
    expect(isSoftwareAdapter({ ...swiftshader, architecture: 'x', isFallbackAdapter: true })).toBe(true);
    expect(
      isSoftwareAdapter({
        vendor: 'nvidia',
        architecture: 'ampere',
        description: '',
        isFallbackAdapter: false,
      }),
    ).toBe(false);
  });
  it('recognises software WebGL renderers', () => {
    expect(
      isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'),
    ).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)')).toBe(
      false,
    );
    expect(softwareName('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('Mesa llvmpipe');
  });
});
