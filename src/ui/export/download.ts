// File names for the exports and the download itself (an object URL on a temporary link).

/** A file-name-safe slug: lower case, ASCII letters, digits and single dashes. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || 'experiment';
}

/** `anisoscope-<scene>-<step>[-<part>].<ext>`, e.g. anisoscope-fig1-mnist-120-figure1.png. */
export function exportFileName(scene: string, step: number, ext: string, part?: string): string {
  const stepText = Number.isFinite(step) ? String(Math.max(0, Math.round(step))) : '0';
  const tail = part ? `-${slug(part)}` : '';
  return `anisoscope-${slug(scene)}-${stepText}${tail}.${ext}`;
}

export const MIME = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
} as const;

/** Saves the blob under `name` (the browser's download), freeing the object URL afterwards. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns: free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}
