// Sandboxed preload: exposes exactly the Bridge of shared/api.ts as window.api.
// Names are checked against the contract's allowlist; ipcRenderer and the IPC event
// object never reach the page.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, EVENT_NAMES, type ApiResult, type Bridge, type EventPayload } from '../shared/api';

// Duplicated from electron/main/ipc.ts on purpose: importing it would pull main-process code into the preload bundle.
const CALL_CHANNEL = 'api:call';
const EVENT_CHANNEL = 'api:event';

const callNames: ReadonlySet<string> = new Set(CALL_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

// One IPC listener for the page, fanned out here, so many subscriptions never pile up on ipcRenderer.
const listeners = new Map<string, Set<(payload: unknown) => void>>();
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (err) {
      console.error(`api: listener for ${name} threw`, err);
    }
  }
});

const bridge: Bridge = {
  call(name, input) {
    if (typeof name !== 'string' || !callNames.has(name)) {
      const result: ApiResult<never> = { ok: false, error: { code: 'unknown_call', message: `Unknown API call: ${String(name).slice(0, 80)}` } };
      return Promise.resolve(result);
    }
    return ipcRenderer.invoke(CALL_CHANNEL, name, input);
  },
  on(name, listener) {
    if (typeof name !== 'string' || !eventNames.has(name)) throw new TypeError(`Unknown API event: ${String(name).slice(0, 80)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const fn = (payload: unknown) => listener(payload as EventPayload<typeof name>);
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
    };
  },
};

contextBridge.exposeInMainWorld('api', bridge);
