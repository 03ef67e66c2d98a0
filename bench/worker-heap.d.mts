// Types for worker-heap.mjs, which e2e/heap.spec.ts uses too.
import type { Browser } from '@playwright/test';

export declare function workerHeapProbe(
  browser: Browser,
  workerUrl: string,
): Promise<() => Promise<{ usedSize: number; totalSize: number }>>;
