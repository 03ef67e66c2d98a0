// Text that the engine and the optimizer library own as English data (scene titles and captions, rule
// formulas), translated at display time by id: a scene by its id, a formula by its rule's name. English is
// theirs, unchanged; Chinese comes from engine-text-zh.ts, fetched with the Chinese strings (loadLanguage).
// (Notices and errors are typed codes instead: message-text.ts.)
import type { Scene } from '../../engine/scenes';
import type { Rule } from '../../optim/rules';
import type { SceneText } from './engine-text-zh';
import type { Language } from './language';
import { translate, zhEngineText } from './translate';

/** A scene's title and caption in `language` (the engine's English when there is no translation). */
export function sceneText(scene: Scene, language: Language): SceneText {
  if (language === 'en') return { title: scene.title, caption: scene.caption };
  const zh = zhEngineText();
  const known = zh?.ZH_SCENES[scene.id];
  if (known) return known;
  // The 2-D races are one per generated data set: named after it.
  const task = scene.experiment.task;
  if (zh && task.kind === 'classify2d' && scene.id === `race-${task.dataset}`)
    return zh.zhRaceText(translate(language, `dataset.${task.dataset}`));
  return { title: scene.title, caption: scene.caption };
}

/** An update rule's one-line formula (src/optim/rules.ts) in `language`; pure math stays as it is. */
export function formulaText(rule: Pick<Rule, 'name' | 'formula'>, language: Language): string {
  return language === 'en' ? rule.formula : (zhEngineText()?.ZH_FORMULAS[rule.name] ?? rule.formula);
}
