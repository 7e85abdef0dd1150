import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { callNames, type Api, type CallName } from '../shared/api/contract';
import { IPC_PREFIX } from './ipcChannel';

// Exactly the contract's calls, each forwarded by name; there is no generic "send anything" door.
const api = Object.fromEntries(
  callNames.map((name: CallName) => [name, (args: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, args)]),
) as Api;

contextBridge.exposeInMainWorld('passage', {
  api,
  transport: 'electron',
  // Dropped files carry no path in a sandboxed page; Electron resolves it here, and only for File objects.
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});
