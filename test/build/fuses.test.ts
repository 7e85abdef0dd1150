import path from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('electron-builder.yml', () => {
  it('flips the Electron fuses that would let a signed Passage run as Node, be debugged or load code outside its asar', async () => {
    // electron-builder's own loader and schema: a misspelt fuse key is refused here, not silently ignored.
    const config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // onlyLoadAppFromAsar needs the app in an asar (the default); the native addon stays unpacked beside it.
    expect(config.asar).not.toBe(false);
    expect(config.asarUnpack).toContain('**/*.node');
  });
});
