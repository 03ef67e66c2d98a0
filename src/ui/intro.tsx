// What the app is about, in one paragraph and one comparison — no promises beyond what exists.
import { Rich, useT } from './i18n';

export function Intro() {
  const t = useT();
  return (
    <section className="card intro" aria-labelledby="intro-title">
      <h2 id="intro-title">{t('intro.title')}</h2>
      <p>
        <Rich text={t('intro.body')} />
      </p>
      <div className="compare">
        <div className="compare__item compare__item--adam">
          <span className="compare__name">Adam</span>
          <code>A-LR = 1 / (√v + ε)</code>
          <span className="compare__bound">
            <Rich text={t('intro.adamBound')} />
          </span>
        </div>
        <div className="compare__item compare__item--sadam">
          <span className="compare__name">Sadam, β = 50</span>
          <code>A-LR = 1 / softplus_β(√v)</code>
          <span className="compare__bound">{t('intro.sadamBound')}</span>
        </div>
      </div>
      <p className="muted">{t('intro.live')}</p>
    </section>
  );
}
