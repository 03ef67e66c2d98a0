// "Export ▾": PNG of each run panel and of the whole view, SVG of each run's Figure-1 chart, the metrics
// as CSV and JSON, and Figure 1 in the paper's style (PNG, SVG). Reads the training store itself; mount it
// anywhere (header or training panel): <ExportMenu scene={sceneId} />. A menu button (WAI-ARIA APG):
// Enter / Space / ↓ opens it, ↑ ↓ Home End move, Escape closes, a click outside closes.
// Over 300 lines because it is one menu: its items, their export actions and the keyboard pattern belong together.

import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { errorMessage } from '../../engine/error-message';
import { training } from '../../state/app-state';
import { t, useLanguage } from '../i18n';
import { describeTask } from '../task-form';
import { downloadBlob, downloadText, exportFileName, MIME } from './download';
import './export-menu.css';

/** The rendering code, loaded on first use (the menu's opening starts the fetch). */
const work = () => import('./export-work');

export interface ExportMenuProps {
  /** The scene id for file names; default: the task title as a slug. */
  scene?: string;
  className?: string;
  /** Which edge of the button the popup lines up with: 'start' (default) or 'end' (for a right-hand header). */
  align?: 'start' | 'end';
}

interface ExportItem {
  kind: string;
  label: string;
  group: string;
  run: () => Promise<void> | void;
}

/** The training view (the whole page's experiment section) to capture for "whole view". */
function viewRoot(): HTMLElement | null {
  // The menu may sit anywhere (header, panel): it finds the page's parts by their ids.
  const runs = document.getElementById('runs');
  return runs?.closest<HTMLElement>('section.training') ?? runs?.closest<HTMLElement>('main') ?? runs ?? null;
}

function context(sceneProp: string | undefined) {
  const state = training.store.getState();
  const snapshot = state.snapshot;
  const scene = sceneProp ?? snapshot?.taskTitle ?? 'experiment';
  const step = snapshot?.step ?? 0;
  // The task in the page's language (the engine's own title is English, for logs and file names).
  const task = state.experiment ? describeTask(state.experiment.task) : snapshot?.taskTitle;
  const heading = snapshot && task ? t('export.heading', { task, step }) : 'Anisoscope';
  return { state, snapshot, scene, step, heading };
}

function buildItems(runs: { runId: string; label: string }[], scene: string | undefined): ExportItem[] {
  const items: ExportItem[] = [
    {
      kind: 'png-view',
      label: t('export.wholeView'),
      group: t('export.groupPage'),
      run: async () => {
        const w = await work();
        const c = context(scene);
        const root = viewRoot();
        if (!root) throw new Error('nothing to capture yet');
        downloadBlob(
          await w.regionToPngBlob(root, { title: c.heading }),
          exportFileName(c.scene, c.step, 'png', 'view'),
        );
      },
    },
    ...runs.map(
      (r): ExportItem => ({
        kind: `png-${r.runId}`,
        label: t('export.panel', { label: r.label }),
        group: t('export.groupPage'),
        run: async () => {
          const w = await work();
          const c = context(scene);
          const el = document.getElementById(`run-${r.runId}`);
          if (!(el instanceof HTMLElement)) throw new Error(`no panel for ${r.label}`);
          downloadBlob(
            await w.regionToPngBlob(el, { title: c.heading }),
            exportFileName(c.scene, c.step, 'png', r.runId),
          );
        },
      }),
    ),
    {
      kind: 'figure1-png',
      label: t('export.figure1Png'),
      group: t('export.groupFigure1'),
      run: async () => {
        const w = await work();
        const c = context(scene);
        const fig = w.figure1Svg(w.figure1Runs(c.state), { caption: c.heading });
        const scale = Math.max(2, window.devicePixelRatio || 1);
        const blob = await w.svgStringToPngBlob(fig.svg, fig.width, fig.height, scale);
        downloadBlob(blob, exportFileName(c.scene, c.step, 'png', 'figure1'));
      },
    },
    {
      kind: 'figure1-svg',
      label: t('export.figure1Svg'),
      group: t('export.groupFigure1'),
      run: async () => {
        const w = await work();
        const c = context(scene);
        const fig = w.figure1Svg(w.figure1Runs(c.state), { caption: c.heading });
        downloadText(fig.svg, exportFileName(c.scene, c.step, 'svg', 'figure1'), MIME.svg);
      },
    },
    ...runs.map(
      (r): ExportItem => ({
        kind: `svg-${r.runId}`,
        label: t('export.chartSvg', { label: r.label }),
        group: t('export.groupCharts'),
        run: async () => {
          const w = await work();
          const c = context(scene);
          const svg = document.getElementById(`anisotropy-chart-${r.runId}`)?.querySelector('svg');
          if (!svg) throw new Error(`no chart for ${r.label}`);
          const text = w.svgElementToString(svg, {
            title: t('export.chartTitle', { label: r.label, heading: c.heading }),
          });
          downloadText(text, exportFileName(c.scene, c.step, 'svg', `alr-${r.runId}`), MIME.svg);
        },
      }),
    ),
    {
      kind: 'csv',
      label: t('export.csv'),
      group: t('export.groupData'),
      run: async () => {
        const w = await work();
        const c = context(scene);
        downloadText(
          w.toCsv(w.metricsRows(w.runHistories(c.state))),
          exportFileName(c.scene, c.step, 'csv'),
          MIME.csv,
        );
      },
    },
    {
      kind: 'json',
      label: t('export.json'),
      group: t('export.groupData'),
      run: async () => {
        const w = await work();
        const c = context(scene);
        const doc = w.toJson({
          runs: w.runHistories(c.state),
          experiment: c.state.experiment,
          scene: c.scene,
          taskTitle: c.snapshot?.taskTitle ?? null,
          step: c.snapshot?.step ?? null,
          exportedAt: new Date().toISOString(),
        });
        downloadText(w.toJsonText(doc), exportFileName(c.scene, c.step, 'json'), MIME.json);
      },
    },
  ];
  return items;
}

export function ExportMenu({ scene, className, align = 'start' }: ExportMenuProps) {
  // A string key (stable between snapshots) so the menu re-renders only when the runs change.
  const runKey = useStore(
    training.store,
    (s) => s.snapshot?.runs.map((r) => `${r.runId}\t${r.label}`).join('\n') ?? null,
  );
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const runs = runKey
    ? runKey.split('\n').map((line) => {
        const [runId = '', label = ''] = line.split('\t');
        return { runId, label };
      })
    : [];
  useLanguage(); // re-render (and re-word the items) when the language changes
  const items = buildItems(runs, scene);
  const groups = [...new Set(items.map((i) => i.group))];

  const close = useCallback((focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  }, []);

  // A click or tap outside closes the menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open, close]);

  const menuItems = () =>
    Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
  const focusItem = (index: number) => {
    const all = menuItems();
    if (all.length === 0) return;
    all[((index % all.length) + all.length) % all.length]?.focus();
  };

  const openMenu = (focus: 'first' | 'last') => {
    void work(); // fetch the rendering code while the user picks
    setOpen(true);
    requestAnimationFrame(() => focusItem(focus === 'first' ? 0 : -1));
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu(e.key === 'ArrowDown' ? 'first' : 'last');
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close(true);
    }
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const all = menuItems();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') focusItem(at + 1);
    else if (e.key === 'ArrowUp') focusItem(at - 1);
    else if (e.key === 'Home') focusItem(0);
    else if (e.key === 'End') focusItem(-1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') {
      close(false);
      return;
    } else return;
    e.preventDefault();
  };

  const choose = async (item: ExportItem) => {
    close(true);
    setBusy(item.label);
    setMessage(null);
    try {
      // Let the menu close (and React commit) before a page capture.
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      await item.run();
      setMessage({ text: t('export.saved', { label: item.label }), error: false });
    } catch (err) {
      setMessage({
        text: t('export.failed', {
          label: item.label,
          reason: errorMessage(err),
        }),
        error: true,
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div
      ref={rootRef}
      className={`export-menu${align === 'end' ? ' export-menu--end' : ''}${className ? ` ${className}` : ''}`}
      data-export-ignore=""
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button--quiet export-menu__button"
        data-testid="export-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={runKey === null}
        title={runKey === null ? t('export.notReady') : t('export.title')}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKey}
      >
        {busy ? t('export.busy') : t('export.button')}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          className="export-menu__list"
          role="menu"
          aria-label={t('export.aria')}
          tabIndex={-1}
          onKeyDown={onMenuKey}
        >
          {groups.map((group) => (
            <div key={group} className="export-menu__group">
              <div className="export-menu__heading" aria-hidden="true">
                {group}
              </div>
              {items
                .filter((i) => i.group === group)
                .map((item) => (
                  <button
                    key={item.kind}
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    className="export-menu__item"
                    data-testid={`export-${item.kind}`}
                    onClick={() => void choose(item)}
                  >
                    {item.label}
                  </button>
                ))}
            </div>
          ))}
        </div>
      )}
      <span
        className={`export-menu__status${message?.error ? ' export-menu__status--error' : ''}`}
        role="status"
        aria-live="polite"
        data-testid="export-status"
      >
        {message?.error ? message.text : ''}
        <span className="sr-only">{message && !message.error ? message.text : ''}</span>
      </span>
    </div>
  );
}
