import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow, isSafeExternalUrl } from '../../electron/window';

function recordedOptions(): BrowserWindowConstructorOptions {
  let seen: BrowserWindowConstructorOptions | undefined;
  class RecordingWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      seen = options;
    }
  }
  createMainWindow(
    RecordingWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
    '/app/preload.cjs',
  );
  return seen!;
}

describe('Electron window hardening', () => {
  it('runs the renderer isolated, sandboxed and without Node', () => {
    const prefs = recordedOptions().webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('hands only https links to the OS', () => {
    expect(isSafeExternalUrl('https://example.org/paper')).toBe(true);
    for (const url of [
      'http://example.org',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
