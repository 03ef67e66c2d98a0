// The "Export ▾" menu as a lazy part: its code (items, keyboard model, wording) is fetched just after the
// first render, so it is not part of the page's initial JavaScript. Until then a disabled button of the
// same name holds its place (the real one is disabled too until the first snapshot).
import { lazy, Suspense } from 'react';
import { useT } from '../i18n';
import type { ExportMenuProps } from './export-menu';

const Menu = lazy(() => import('./export-menu').then((m) => ({ default: m.ExportMenu })));

export function LazyExportMenu(props: ExportMenuProps) {
  const t = useT();
  const placeholder = (
    <div className={`export-menu${props.align === 'end' ? ' export-menu--end' : ''}`} data-export-ignore="">
      <button type="button" className="button button--quiet export-menu__button" disabled aria-busy="true">
        {t('export.button')}
      </button>
    </div>
  );
  return (
    <Suspense fallback={placeholder}>
      <Menu {...props} />
    </Suspense>
  );
}
