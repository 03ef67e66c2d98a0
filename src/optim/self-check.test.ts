import { describe, expect, it } from 'vitest';
import { runSelfCheck } from './self-check';
import { NODE_BACKENDS, useBackend } from './testing/node-backends';

describe.each(NODE_BACKENDS)('in-app self-check on %s', (backend) => {
  it('passes every case with no tensor leaked', async () => {
    await useBackend(backend);
    const report = await runSelfCheck();
    expect(report.backend).toBe(backend);
    expect(report.cases.length).toBeGreaterThanOrEqual(13);
    for (const c of report.cases) {
      expect(c.passed, `${c.id}: |Δx| ${c.maxParamAbsErr}, rel ΔA-LR ${c.maxAlrRelErr}`).toBe(true);
    }
    expect(report.tensorsLeaked).toBe(0);
    expect(report.stepLeak).toBe(0);
    expect(report.fusedKernel, 'every step ran the fused kernel').toBe(true);
    expect(report.passed).toBe(true);
  });
});
