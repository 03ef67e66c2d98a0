import { describe, expect, it } from 'vitest';
import { sceneById } from '../../engine/scenes';
import { cornerRect, pickCorner, sceneLoaded, scrollDelta } from './tour-layout';

const viewport = { width: 1200, height: 800 };
const card = { width: 400, height: 250 };

describe('tour layout', () => {
  it('puts the card bottom-right unless that covers the target', () => {
    expect(pickCorner({ left: 10, top: 10, width: 300, height: 200 }, card, viewport)).toBe('bottom-right');
    expect(pickCorner({ left: 900, top: 600, width: 200, height: 150 }, card, viewport)).toBe('bottom-left');
    // A wide target along the bottom: a top corner.
    expect(pickCorner({ left: 0, top: 500, width: 1200, height: 200 }, card, viewport)).toBe('top-right');
    // Covers everything: the corner hiding least of it.
    const all = { left: 0, top: 0, width: 1200, height: 800 };
    expect(pickCorner(all, card, viewport)).toBe('bottom-right');
    expect(cornerRect('top-left', card, viewport)).toEqual({ left: 16, top: 16, width: 400, height: 250 });
  });

  it('knows when a scene has loaded', () => {
    const scene = sceneById('eps-matters');
    if (!scene) throw new Error('scene missing');
    const runs = scene.experiment.runs;
    const experiment = { task: structuredClone(scene.experiment.task), runs };
    const snapshot = { runs: runs.map((r) => ({ runId: r.id })) };
    expect(sceneLoaded({ snapshot, experiment }, scene)).toBe(true);
    expect(sceneLoaded({ snapshot: null, experiment }, scene)).toBe(false);
    const fig1 = sceneById('fig1-mnist');
    if (!fig1) throw new Error('scene missing');
    expect(sceneLoaded({ snapshot, experiment }, fig1)).toBe(false);
    const cnn = sceneById('mnist-cnn');
    if (!cnn) throw new Error('scene missing');
    const fig1State = {
      snapshot: { runs: fig1.experiment.runs.map((r) => ({ runId: r.id })) },
      experiment: { task: fig1.experiment.task, runs: fig1.experiment.runs },
    };
    // Same run ids, another model: not loaded yet.
    expect(sceneLoaded(fig1State, cnn)).toBe(false);
  });

  it('scrolls a target into the free part of the viewport', () => {
    const vp = { width: 1200, height: 800, top: 100 };
    // Already whole below the header: no scroll.
    expect(scrollDelta({ left: 0, top: 200, width: 100, height: 100 }, card, vp)).toBe(0);
    // Far below: centred in [112, 788].
    expect(scrollDelta({ left: 0, top: 2000, width: 100, height: 100 }, card, vp)).toBe(2000 - (112 + 288));
    // Under the header: brought down.
    expect(scrollDelta({ left: 0, top: 50, width: 100, height: 100 }, card, vp)).toBeLessThan(0);
    // Taller than the viewport: its top just under the header.
    expect(scrollDelta({ left: 0, top: 900, width: 100, height: 1400 }, card, vp)).toBe(900 - 112);
    // A phone: the card spans the width, so the free part ends above it.
    const phone = { width: 390, height: 800, top: 0 };
    const wide = { width: 360, height: 300 };
    expect(scrollDelta({ left: 0, top: 600, width: 300, height: 100 }, wide, phone)).toBe(
      600 - (12 + (800 - 12 - 316 - 12 - 100) / 2),
    );
  });
});
