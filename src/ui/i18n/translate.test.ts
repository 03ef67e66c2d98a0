import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCENES } from '../../engine/scenes';
import { RULES } from '../../optim/rules';
import { formulaText, sceneText } from './engine-text';
import './later-strings'; // verify.* is a later key, as verify-panel.tsx loads it
import { languageStore } from './language';
import { rich } from './rich';
import { loadLanguage, t, translate } from './translate';

beforeAll(() => loadLanguage('zh'));
afterEach(() => languageStore.setState({ language: 'en' }));

describe('translate', () => {
  it('fills {placeholders} in either language', () => {
    expect(translate('en', 'controls.stepCount', { step: 12 })).toBe('step 12');
    expect(translate('zh', 'controls.stepCount', { step: 12 })).toBe('第 12 步');
    expect(translate('en', 'verify.headline', { good: 3, total: 4, backend: 'WASM' })).toBe(
      '3/4 checks passed on WASM',
    );
  });

  it('leaves a placeholder with no value visible', () => {
    expect(translate('en', 'controls.stepCount')).toBe('step {step}');
    expect(translate('en', 'controls.stepCount', {})).toBe('step {step}');
  });

  it('t() follows the language store', () => {
    expect(t('controls.scene')).toBe('Scene');
    languageStore.setState({ language: 'zh' });
    expect(t('controls.scene')).toBe('场景');
  });
});

describe('engine-owned text', () => {
  it('gives every scene a Chinese title and caption, English unchanged', () => {
    for (const scene of SCENES) {
      expect(sceneText(scene, 'en')).toEqual({ title: scene.title, caption: scene.caption });
      const zh = sceneText(scene, 'zh');
      expect(zh.title, scene.id).not.toBe(scene.title);
      expect(zh.caption[0], scene.id).not.toBe(scene.caption[0]);
      expect(zh.caption[1], scene.id).not.toBe(scene.caption[1]);
    }
  });

  it('translates every rule formula that has words in it', () => {
    for (const rule of Object.values(RULES)) {
      expect(formulaText(rule, 'en')).toBe(rule.formula);
      if (/[a-z]{4,}/.test(rule.formula.replace(/softplus|clip|sign|finalLr/g, '')))
        expect(formulaText(rule, 'zh'), rule.formula).not.toBe(rule.formula);
    }
  });
});

describe('rich', () => {
  it('turns the inline tags into elements and leaves the rest as text', () => {
    const parts = rich('a <code>x</code> b <em>y</em><sup>8</sup>');
    expect(parts.length).toBe(5);
    expect(parts[0]).toBe('a ');
    expect(parts[2]).toBe(' b ');
  });
});
