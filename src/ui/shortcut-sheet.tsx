// The "?" sheet: every shortcut in one table, in a native modal <dialog> (focus, Escape and the
// backdrop are the browser's).
import { useEffect, useRef } from 'react';
import { useT } from './i18n';
import { SHORTCUTS } from './shortcuts';
import './i18n/later-strings'; // this part's English strings (strings-en-later.ts)

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const t = useT();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="sheet card"
      aria-labelledby="sheet-title"
      data-testid="shortcut-sheet"
      onClose={onClose}
      onClick={(e) => e.target === dialog.current && onClose()}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h2 id="sheet-title">{t('shortcuts.title')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.does}>
              <th scope="row">
                <kbd>{typeof s.keys === 'string' ? s.keys : t(s.keys.key)}</kbd>
              </th>
              <td>{t(s.does)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={onClose}>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
