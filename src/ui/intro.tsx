// What the app is about, in one paragraph and one comparison — no promises beyond what exists.
export function Intro() {
  return (
    <section className="card intro" aria-labelledby="intro-title">
      <h2 id="intro-title">Adam's step size is different for every parameter</h2>
      <p>
        Adam divides each coordinate's step by <code>√v + ε</code>, so its <em>adaptive learning rate</em>{' '}
        (A-LR) <code>1/(√v + ε)</code> can differ by many orders of magnitude across one network: a weight
        that never sees a gradient sits at <code>1/ε = 10⁸</code>. Sadam and SAMSGrad (Tong, Liang &amp; Bi,
        “Calibrating the Adaptive Learning Rate to Improve Convergence of ADAM”) replace the denominator with{' '}
        <code>softplus_β(√v)</code>, which caps the A-LR at <code>β / ln 2</code>.
      </p>
      <div className="compare">
        <div className="compare__item compare__item--adam">
          <span className="compare__name">Adam</span>
          <code>A-LR = 1 / (√v + ε)</code>
          <span className="compare__bound">
            at most 1/ε = 10<sup>8</sup>
          </span>
        </div>
        <div className="compare__item compare__item--sadam">
          <span className="compare__name">Sadam, β = 50</span>
          <code>A-LR = 1 / softplus_β(√v)</code>
          <span className="compare__bound">at most β / ln 2 ≈ 72</span>
        </div>
      </div>
      <p className="muted">
        Above, small networks train live in your browser, in lockstep: the same initial weights and the same
        batches for every run, so the only difference is the optimizer. Press play and watch the max/min A-LR
        of each run, its A-LR heatmaps (one 28×28 tile per hidden unit on MNIST) and the paper's Figure 1
        chart.
      </p>
    </section>
  );
}
