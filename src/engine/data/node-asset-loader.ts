// The Node implementation of AssetLoader (tests, headless experiments). Kept apart from
// asset-loader.ts because it imports node:fs — never import this file from browser or worker code.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorMessage } from '../error-message';
import { type AssetLoader, assetPathSegments } from './asset-loader';

/** This repository's public/ folder, found relative to this source file (valid when run from source). */
export function projectPublicDir(): string {
  return fileURLToPath(new URL('../../../public/', import.meta.url));
}

/** Reads assets from `publicDir` (the folder that Vite serves as the app's root). */
export function nodeAssetLoader(publicDir: string): AssetLoader {
  const root = path.resolve(publicDir);
  return async (relativePath) => {
    const file = path.join(root, ...assetPathSegments(relativePath));
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : errorMessage(err);
      throw new Error(`could not load ${relativePath} from ${file}: ${why}`);
    }
    // A Buffer may be a view into a larger pooled ArrayBuffer: hand back exactly this file's bytes.
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  };
}
