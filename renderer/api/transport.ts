import { callNames, type Api, type CallName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

/** What the Electron preload exposes on window.passage. */
export interface ElectronBridge {
  api: Api;
  transport: 'electron';
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    passage?: ElectronBridge;
  }
}

const TOKEN_KEY = 'passage.token';

/** Browser mode: the token arrives once in the URL, is kept for this tab, and is taken out of the address bar. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpApi(): Api {
  const token = browserToken();
  const post = async (name: CallName, args: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-passage-token': token },
        body: JSON.stringify(args ?? {}),
      });
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'unsupported',
            message: 'this page has no valid access token — open the URL printed by `npm start` again',
          },
        };
      }
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'io',
          message: `${name}: the Passage backend is not reachable (${(error as Error).message})`,
        },
      };
    }
  };
  return Object.fromEntries(callNames.map((name) => [name, (args: unknown) => post(name, args)])) as Api;
}

/** Picks the transport once at start; nothing else in the renderer knows which one it is. */
export function createApi(): Api {
  return window.passage?.api ?? httpApi();
}

/** Electron only: the filesystem path of a dropped file (browser pages never see paths). */
export function pathForFile(file: File): string | null {
  return window.passage?.pathForFile(file) ?? null;
}
