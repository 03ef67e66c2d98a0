import { describe, expect, it } from 'vitest';
import { type FileLike, readPointsFile, singleFile } from './read-csv-file';

const file = (name: string, text: string): FileLike => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
};

describe('reading a picked CSV', () => {
  it('parses a good file', async () => {
    const result = await readPointsFile(file('ok.csv', 'x,y,label\n0,0,a\n1,1,b\n0,1,a\n1,0,b\n'));
    expect(result).toMatchObject({ ok: true, points: { labels: [0, 1, 0, 1] } });
  });

  it('refuses a huge file without reading it', async () => {
    let read = false;
    const huge: FileLike = {
      name: 'huge.csv',
      size: 12 * 1024 * 1024,
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    };
    expect(await readPointsFile(huge)).toEqual({
      ok: false,
      error: { code: 'tooLarge', size: '12 MB', limit: '2 MB' },
    });
    expect(read).toBe(false);
  });

  it('turns a read failure into a message', async () => {
    const broken: FileLike = {
      name: 'gone.csv',
      size: 10,
      arrayBuffer: () => Promise.reject(new Error('NotReadableError')),
    };
    expect(await readPointsFile(broken)).toEqual({
      ok: false,
      error: { code: 'fileUnreadable', detail: 'NotReadableError' },
    });
  });

  it('takes exactly one file', () => {
    const a = file('a.csv', '');
    expect(singleFile([a])).toBe(a);
    expect(singleFile([])).toEqual({ code: 'notAFile' });
    expect(singleFile(null)).toEqual({ code: 'notAFile' });
    expect(singleFile([a, a])).toEqual({ code: 'oneAtATime', count: 2 });
  });
});
