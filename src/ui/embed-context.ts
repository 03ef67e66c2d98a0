// Which parts of the page are hidden (embed mode and its `hide=` flags), for any component to ask.
import { createContext, useContext } from 'react';
import type { Hideable } from '../state/embed/embed-params';

export const HiddenParts = createContext<ReadonlySet<Hideable>>(new Set());

export function useShown(part: Hideable): boolean {
  return !useContext(HiddenParts).has(part);
}
