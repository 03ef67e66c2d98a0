// 2-D classification view: one decision-boundary raster per run (canvas) with the training points.
import { useEffect, useRef } from 'react';
import type { RunSnapshot } from '../../engine/session/snapshot-types';
import { EvaluatedAt } from '../evaluated-at';
import { useT } from '../i18n';
import { usePageVisible } from '../page-visibility';
import { boundaryPixels } from './boundary-raster';
import { classColor, runColor } from './palette';
import { useElementWidth } from './use-element-width';

type BoundaryData = Extract<RunSnapshot['view'], { kind: 'boundary' }>;

function BoundaryPlot({ run, view, color }: { run: RunSnapshot; view: BoundaryData; color: string }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = Math.min(260, useElementWidth(box, 200));
  // Not drawn while the tab is hidden; the latest raster is drawn when it is shown again.
  const visible = usePageVisible();
  useEffect(() => {
    if (!visible) return;
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(size * dpr);
    el.height = Math.round(size * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    const n = view.gridSize;
    if (view.probabilities.length >= n * n * view.classes) {
      const cells = new OffscreenCanvas(n, n);
      const cctx = cells.getContext('2d');
      if (cctx) {
        cctx.putImageData(new ImageData(boundaryPixels(view.probabilities, n, view.classes), n, n), 0, 0);
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(cells, 0, 0, size, size);
      }
    }
    const [x0, x1, y0, y1] = view.extent;
    const px = (x: number) => ((x - x0) / (x1 - x0)) * size;
    const py = (y: number) => ((y1 - y) / (y1 - y0)) * size;
    ctx.lineWidth = 1;
    ctx.strokeStyle = '#fff';
    for (let i = 0; i < view.labels.length; i++) {
      ctx.beginPath();
      ctx.arc(px(view.points[2 * i] as number), py(view.points[2 * i + 1] as number), 2.6, 0, 2 * Math.PI);
      ctx.fillStyle = classColor(view.labels[i] as number);
      ctx.fill();
      ctx.stroke();
    }
  }, [view, size, visible]);
  return (
    <figure className="boundary-plot" data-run={run.runId}>
      <div ref={box} className="boundary-plot__box">
        <canvas
          ref={canvas}
          style={{ width: size, height: size }}
          aria-label={t('chart.boundaryAria', { label: run.label })}
        />
      </div>
      <figcaption style={{ ['--run-color' as string]: color }} className="key key--run">
        {run.label}
        {run.accuracy !== undefined && Number.isFinite(run.accuracy) && (
          <span className="muted"> · {(100 * run.accuracy).toFixed(0)}%</span>
        )}
        <EvaluatedAt run={run} what="boundary" />
      </figcaption>
    </figure>
  );
}

export function BoundaryView({ runs }: { runs: readonly RunSnapshot[] }) {
  return (
    <div className="boundary-view">
      {runs.map((run, i) =>
        run.view.kind === 'boundary' ? (
          <BoundaryPlot key={run.runId} run={run} view={run.view} color={runColor(i)} />
        ) : null,
      )}
    </div>
  );
}
