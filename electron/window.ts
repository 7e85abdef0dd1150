import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/**
 * The renderer is a sandboxed web page: no Node, no remote content, only the preload's contract calls.
 * The options are a literal here so static checkers (electronegativity) see them; the constructor is a
 * parameter so a test can record them without starting Electron.
 */
export function createMainWindow(Window: WindowConstructor, preloadPath: string): BrowserWindow {
  return new Window({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Passage',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
}

/** Only these schemes may be handed to the OS browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
