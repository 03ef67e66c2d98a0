// Play / pause, one step, reset: the same three buttons in the header and in the embed bar.
import { controller } from '../state/app-state';
import { useT } from './i18n';
import { useTraining } from './use-training';

export function PlaybackButtons() {
  const t = useT();
  // The first screen's warm-up trains too (state/warm-up.ts): the button pauses it.
  const playing = useTraining((s) => (s.status?.playing ?? false) || s.firstScreen?.phase === 'warming');
  const ready = useTraining((s) => s.snapshot !== null);
  return (
    <>
      <button
        type="button"
        className="button"
        id="play-pause"
        data-testid="play-pause"
        disabled={!ready}
        onClick={() => void (playing ? controller.pause() : controller.play())}
      >
        {playing ? t('controls.pause') : t('controls.play')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        data-testid="step"
        disabled={!ready || playing}
        onClick={() => void controller.step()}
      >
        {t('controls.step')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        data-testid="reset"
        disabled={!ready}
        onClick={() => void controller.reset()}
      >
        {t('controls.reset')}
      </button>
    </>
  );
}
