// From a picked or dropped file to points: the size is checked before the file is read, and a file
// that cannot be read gets a message like any malformed one. No DOM needed (Blob-like input).
import type { CustomPoints } from '../../engine/tasks/custom-points';
import {
  CSV_LIMITS,
  type ParsePointsResult,
  parsePointsCsv,
  tooLargeMessage,
} from '../../state/csv/parse-points';

/** The parts of a File this needs (a File, or a test double). */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type { CustomPoints, ParsePointsResult };

export async function readPointsFile(file: FileLike): Promise<ParsePointsResult> {
  if (file.size > CSV_LIMITS.maxBytes) return { ok: false, error: tooLargeMessage(file.size) };
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (err) {
    const reason = err instanceof Error && err.message ? ` (${err.message})` : '';
    return { ok: false, error: `the file could not be read${reason}; is it a folder, or was it moved?` };
  }
  return parsePointsCsv(bytes, file.name);
}

/** The one file of a drop or a pick, or what is wrong with the selection. */
export function singleFile<T extends FileLike>(files: ArrayLike<T> | null | undefined): T | string {
  const count = files?.length ?? 0;
  if (count === 0) return 'that was not a file: drop or choose a .csv file';
  if (count > 1) return `one file at a time, please (${count} were given)`;
  return (files as ArrayLike<T>)[0] as T;
}
