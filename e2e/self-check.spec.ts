// "Verify optimizers" on every backend: the optimizer library's self-check must pass in full, with no
// leaked tensors. WebGPU on SwiftShader compiles each shader for 1–4 s the first time, hence the timeouts.
import { expect, openApp, test } from './fixtures';

for (const [param, label] of [
  ['webgpu', 'WebGPU'],
  ['webgl', 'WebGL'],
  ['wasm', 'WASM'],
  ['cpu', 'CPU'],
] as const) {
  test(`Verify optimizers passes on ${label}`, async ({ page }) => {
    test.setTimeout(300_000);
    await openApp(page, param);
    await expect(page.getByTestId('backend-badge')).toHaveText(label);
    await page.getByTestId('verify-button').click();
    const result = page.getByTestId('verify-result');
    await expect(result).not.toHaveAttribute('data-state', 'running', { timeout: 240_000 });
    // On failure, the message carries the panel's text: which case failed and by how much.
    expect(await result.getAttribute('data-state'), (await result.textContent()) ?? '').toBe('passed');
    await expect(result).toContainText(new RegExp(`(\\d+)/\\1 checks passed on ${label}`));
    // Every backend has a fused update kernel (WGSL, packed GLSL, WASM SIMD, a JS loop on CPU): the checks
    // must have exercised it, not the per-variable tf-ops fallback.
    await expect(result).toHaveAttribute('data-fused', 'true');
  });
}
