// What the untouched first screen is doing: warming up a fixed first stretch, done warming up, or (with
// prefers-reduced-motion) waiting for a click (state/warm-up.ts). Gone at the first command.
import { useShown } from './embed-context';
import { useT } from './i18n';
import { useTraining } from './use-training';

export function FirstScreenNote() {
  const t = useT();
  const firstScreen = useTraining((s) => s.firstScreen);
  // Explanations go with the caption (an embed may hide it); the call to press ▶ always shows.
  const showCaption = useShown('caption');
  if (!firstScreen || (firstScreen.phase !== 'prompt' && !showCaption)) return null;
  const text =
    firstScreen.phase === 'warming'
      ? t('firstScreen.warming', { target: firstScreen.target })
      : firstScreen.phase === 'warmed'
        ? t('firstScreen.warmed', { target: firstScreen.target })
        : t('firstScreen.prompt');
  return (
    <p className="first-screen-note" role="status" data-testid="first-screen" data-phase={firstScreen.phase}>
      {text}
    </p>
  );
}
