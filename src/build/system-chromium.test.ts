// e2e/system-chromium.sh, the wrapper the e2e tests and benches start a system Chromium through: it must
// pass every argument on unchanged and leave exactly one --disable-features, holding every list it was
// given plus the omnibox popup's two WebUI features (Chromium honours only the last such switch).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const WRAPPER = join(import.meta.dirname, '../../e2e/system-chromium.sh');

/** Runs the wrapper in front of a fake browser that prints its arguments, one per line. */
function argsSeenByBrowser(args: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'fake-chromium-'));
  const fake = join(dir, 'chromium');
  writeFileSync(fake, '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n');
  chmodSync(fake, 0o755);
  const out = execFileSync(WRAPPER, args, { env: { ...process.env, ANISOSCOPE_CHROMIUM: fake } });
  return out.toString().split('\n').slice(0, -1);
}

describe('system-chromium.sh', () => {
  it('merges every --disable-features into one, last, with the omnibox popup turned off', () => {
    const seen = argsSeenByBrowser([
      '--headless',
      '--disable-features=Translate,PaintHolding',
      '--enable-unsafe-webgpu',
      '--disable-features=Foo',
    ]);
    expect(seen).toEqual([
      '--headless',
      '--enable-unsafe-webgpu',
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,Translate,PaintHolding,Foo',
    ]);
  });

  it('keeps arguments with spaces and empty ones as they were', () => {
    const seen = argsSeenByBrowser(['--user-agent=a b  c', '', '--x=1']);
    expect(seen).toEqual([
      '--user-agent=a b  c',
      '',
      '--x=1',
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    ]);
  });

  it('refuses to start without the browser named', () => {
    const env = { ...process.env };
    delete env.ANISOSCOPE_CHROMIUM;
    expect(() => execFileSync(WRAPPER, [], { env, stdio: 'pipe' })).toThrow(/ANISOSCOPE_CHROMIUM/);
  });
});
