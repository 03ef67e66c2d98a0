// A document-unique id usable in url(#…) (React's useId has characters that need escaping there).
import { useId } from 'react';

export function useClipId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}
