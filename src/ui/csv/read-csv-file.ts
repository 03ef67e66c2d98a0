// From a picked or dropped file to points: the size is checked before the file is read, and a file
// that cannot be read gets a message like any malformed one. No DOM needed (Blob-like input).
import type { CustomPoints } from '../../engine/tasks/custom-points';
import type { CsvProblem } from '../../state/csv/csv-problems';
import {
  CSV_LIMITS,
  type ParsePointsResult,
  parsePointsCsv,
  tooLargeProblem,
} from '../../state/csv/parse-points';

/** The parts of a File this needs (a File, or a test double). */
export interface FileLike {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type { CustomPoints, ParsePointsResult };

export async function readPointsFile(file: FileLike): Promise<ParsePointsResult> {
  if (file.size > CSV_LIMITS.maxBytes) return { ok: false, error: tooLargeProblem(file.size) };
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (err) {
    return { ok: false, error: { code: 'fileUnreadable', detail: err instanceof Error ? err.message : '' } };
  }
  return parsePointsCsv(bytes, file.name);
}

/** The one file of a drop or a pick, or what is wrong with the selection. */
export function singleFile<T extends FileLike>(files: ArrayLike<T> | null | undefined): T | CsvProblem {
  const count = files?.length ?? 0;
  if (count === 0) return { code: 'notAFile' };
  if (count > 1) return { code: 'oneAtATime', count };
  return (files as ArrayLike<T>)[0] as T;
}
