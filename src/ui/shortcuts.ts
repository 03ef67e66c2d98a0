// Keyboard shortcuts for driving a lecture: one table (the shortcut sheet shows it), and a pure
// lookup from a key event to an action. Keys typed into a field never trigger anything.
import type { StringKey } from './i18n/strings-en';

export type ShortcutAction =
  | { kind: 'playPause' }
  | { kind: 'step' }
  | { kind: 'reset' }
  | { kind: 'scene'; index: number }
  | { kind: 'sheet' }
  | { kind: 'present' }
  | { kind: 'close' };

/** The sheet's rows: the key as printed (or its name in the string table) and what it does. */
export const SHORTCUTS: { keys: string | { key: StringKey }; does: StringKey }[] = [
  { keys: { key: 'shortcuts.keySpace' }, does: 'shortcuts.playPause' },
  { keys: '→', does: 'shortcuts.step' },
  { keys: 'R', does: 'shortcuts.reset' },
  { keys: '1 … 9', does: 'shortcuts.scene' },
  { keys: 'P', does: 'shortcuts.present' },
  { keys: '?', does: 'shortcuts.sheet' },
  { keys: 'Esc', does: 'shortcuts.closeSheet' },
];

interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** The action for a key press, or null (also for modified keys, which belong to the browser). */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return { kind: 'playPause' };
    case 'ArrowRight':
      return { kind: 'step' };
    case 'r':
    case 'R':
      return { kind: 'reset' };
    case '?':
      return { kind: 'sheet' };
    case 'p':
    case 'P':
      return { kind: 'present' };
    case 'Escape':
      return { kind: 'close' };
    default:
      if (/^[1-9]$/.test(event.key)) return { kind: 'scene', index: Number(event.key) - 1 };
      return null;
  }
}

/** Whether the key belongs to what has focus: a text field, a select, a slider, an editable element. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return element.closest('input, select, textarea, [role="slider"], [contenteditable="true"]') !== null;
}
