// fieldSummary (stats/field-summary.ts) alone, on A-LR fields dumped by snapshot-profile.ts (DUMP=path):
// the median µs per call for each field, over 2,500 calls after 500 to warm up. For work on the
// snapshot's statistics; build two versions to compare them on the same fields.
//   npx vite build --mode cli --ssr bench/field-summary-micro.ts --logLevel warn
//   node dist-cli/field-summary-micro.js /tmp/alr-0.f32 /tmp/alr-1.f32

import { readFileSync } from 'node:fs';
import { fieldSummary } from '../src/stats/field-summary';
import { median } from './measure';

const files = process.argv.slice(2);
const fields = files.map((file) => {
  const bytes = readFileSync(file);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
});
const times: number[][] = fields.map(() => []);
const scratch = new Float32Array(Math.max(0, ...fields.map((f) => f.length)));
for (let i = 0; i < 3000; i++) {
  fields.forEach((field, k) => {
    const t = performance.now();
    fieldSummary(field, scratch);
    if (i >= 500) times[k]?.push(performance.now() - t);
  });
}
for (const [k, file] of files.entries())
  process.stdout.write(`${file}: ${(1000 * median(times[k] ?? [])).toFixed(1)} µs\n`);
