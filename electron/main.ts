import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  Menu,
  dialog,
  ipcMain,
  session as electronSession,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import { callNames } from '../shared/api/contract';
import { dispatch } from './backend/dispatch';
import { lastProject } from './backend/recent';
import { Session } from './backend/session';
import { IPC_PREFIX } from './ipcChannel';
import { appRoot } from './store/paths';
import { createMainWindow, isSafeExternalUrl } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));

/** better-sqlite3 built for Electron's ABI by `npm run rebuild:electron`, kept apart from Node's build. */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(appRoot(), 'out', 'native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

const session = new Session('electron', { nativeBinding: electronNativeBinding() });
let mainWindow: BrowserWindow | null = null;

function registerIpc(): void {
  for (const name of callNames) {
    // dispatch validates every argument against the contract's schema before any backend code runs.
    ipcMain.handle(IPC_PREFIX + name, (event, args: unknown) => {
      if (event.senderFrame !== mainWindow?.webContents.mainFrame) {
        return {
          ok: false,
          error: { code: 'unsupported', message: `${name}: call from an unknown frame refused` },
        };
      }
      return dispatch(session, name, args);
    });
  }
}

async function chooseProject(kind: 'open' | 'new'): Promise<void> {
  if (!mainWindow) return;
  const result =
    kind === 'open'
      ? await dialog.showOpenDialog(mainWindow, {
          properties: ['openFile'],
          filters: [{ name: 'Passage project', extensions: ['passage'] }],
        })
      : await dialog.showSaveDialog(mainWindow, {
          filters: [{ name: 'Passage project', extensions: ['passage'] }],
        });
  const file = 'filePaths' in result ? result.filePaths[0] : result.filePath;
  if (result.canceled || !file) return;
  const outcome = await dispatch(session, kind === 'open' ? 'project.open' : 'project.create', {
    path: file,
  });
  if (!outcome.ok) dialog.showErrorBox('Passage', outcome.error.message);
  mainWindow.webContents.reload();
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => void chooseProject('new') },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => void chooseProject('open') },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow(): Promise<void> {
  mainWindow = createMainWindow(BrowserWindow, path.join(here, 'preload.cjs'));
  mainWindow.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  mainWindow.webContents.on('will-navigate', (event) => event.preventDefault());
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadFile(path.join(appRoot(), 'out', 'renderer', 'index.html'));
}

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(async () => {
  // Passage needs no camera, microphone, notifications or geolocation: refuse every permission request.
  electronSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  electronSession.defaultSession.setPermissionCheckHandler(() => false);
  const file =
    process.argv.slice(app.isPackaged ? 1 : 2).find((a) => a.endsWith('.passage')) ?? lastProject();
  if (file) {
    try {
      await session.open(path.resolve(file), false);
    } catch (error) {
      console.error(`passage: ${(error as Error).message}`);
    }
  }
  registerIpc();
  buildMenu();
  await createWindow();
});

app.on('window-all-closed', () => {
  session.close();
  app.quit();
});
