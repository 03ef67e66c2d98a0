import { describe, expect, it } from 'vitest';
import { parseEmbedMessage } from './messages';

const m = (body: Record<string, unknown>) => ({ source: 'anisoscope', ...body });

describe('embed messages', () => {
  it('accepts every documented command', () => {
    expect(parseEmbedMessage(m({ type: 'play' }))).toEqual({ type: 'play' });
    expect(parseEmbedMessage(m({ type: 'pause' }))).toEqual({ type: 'pause' });
    expect(parseEmbedMessage(m({ type: 'reset' }))).toEqual({ type: 'reset' });
    expect(parseEmbedMessage(m({ type: 'getState' }))).toEqual({ type: 'getState' });
    expect(parseEmbedMessage(m({ type: 'step' }))).toEqual({ type: 'step', count: 1 });
    expect(parseEmbedMessage(m({ type: 'step', count: 5 }))).toEqual({ type: 'step', count: 5 });
    expect(parseEmbedMessage(m({ type: 'load', scene: 'eps-matters' }))).toEqual({
      type: 'load',
      scene: 'eps-matters',
    });
    expect(parseEmbedMessage(m({ type: 'setSpec', runId: 'sadam', spec: { softplusBeta: 10 } }))).toEqual({
      type: 'setSpec',
      runId: 'sadam',
      spec: { softplusBeta: 10 },
    });
    const phi = { name: 'custom', phi: 'log(1+exp(b*z))/b; b = 20' };
    expect(parseEmbedMessage(m({ type: 'setSpec', runId: 'c', spec: phi }))).toEqual({
      type: 'setSpec',
      runId: 'c',
      spec: phi,
    });
  });

  it('ignores anything malformed, unknown or from someone else', () => {
    const bad: unknown[] = [
      null,
      42,
      'play',
      [],
      { type: 'play' },
      { source: 'other', type: 'play' },
      m({ type: 'explode' }),
      m({ type: 'step', count: 0 }),
      m({ type: 'step', count: 1.5 }),
      m({ type: 'step', count: 1e9 }),
      m({ type: 'load' }),
      m({ type: 'load', scene: '../../etc' }),
      m({ type: 'load', scene: 'x'.repeat(500) }),
      m({ type: 'setSpec', runId: 'a', spec: { lr: 'fast' } }),
      m({ type: 'setSpec', runId: 'a', spec: { lr: Number.NaN } }),
      m({ type: 'setSpec', runId: 'a', spec: { name: 'adamw' } }),
      m({ type: 'setSpec', runId: 'a', spec: {} }),
      m({ type: 'setSpec', runId: 'a b', spec: { lr: 1 } }),
      m({ type: 'setSpec', spec: { lr: 1 } }),
      m({ type: 'setSpec', runId: 'a', spec: { phi: 42 } }),
      m({ type: 'setSpec', runId: 'a', spec: { phi: `${'z+'.repeat(200)}1` } }),
    ];
    for (const message of bad) expect(parseEmbedMessage(message), JSON.stringify(message)).toBeNull();
  });

  it('survives 500 generated malformed messages', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces: unknown[] = [
      null,
      undefined,
      0,
      -1,
      1e308,
      Number.NaN,
      '',
      'play',
      '💥'.repeat(50),
      {},
      [],
      { lr: 'x' },
      true,
    ];
    const pick = () => pieces[Math.floor(rand() * pieces.length)];
    for (let i = 0; i < 500; i++) {
      const message = {
        source: rand() < 0.8 ? 'anisoscope' : pick(),
        type: rand() < 0.5 ? pick() : ['step', 'load', 'setSpec'][i % 3],
        count: pick(),
        scene: pick(),
        runId: pick(),
        spec: pick(),
      };
      expect(() => parseEmbedMessage(message)).not.toThrow();
    }
  });
});
