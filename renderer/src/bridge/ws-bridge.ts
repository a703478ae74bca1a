// Browser-mode transport: the same contract as window.api, over one WebSocket.
import type { ApiResult, Bridge, CallInput, CallName, CallOutput, EventName, EventPayload } from '../../../shared/api';
import { useConnection } from './connection';

type Pending = { resolve: (r: ApiResult<unknown>) => void; timer: ReturnType<typeof setTimeout> | null };
type ServerFrame =
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'event'; name: string; payload: unknown };

const TOKEN_KEY = 'parley.token';
/** A call queued while offline gives up after this long rather than hanging the UI. */
const QUEUE_TIMEOUT_MS = 20_000;
const MAX_BACKOFF_MS = 10_000;

export function readToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the URL still carries the token.
    }
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

const disconnected = (message: string): ApiResult<never> => ({ ok: false, error: { code: 'disconnected', message } });

export function createWsBridge(url: string): Bridge {
  let ws: WebSocket | null = null;
  let nextId = 1;
  let attempt = 0;
  const pending = new Map<number, Pending>();
  const queue: { id: number; text: string }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const status = useConnection.getState();

  const connect = () => {
    const socket = new WebSocket(url);
    ws = socket;
    socket.onopen = () => {
      attempt = 0;
      useConnection.getState().set('open');
      for (const q of queue.splice(0)) {
        const p = pending.get(q.id);
        if (p?.timer) clearTimeout(p.timer);
        if (p) p.timer = null;
        socket.send(q.text);
      }
    };
    socket.onmessage = (ev) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(ev.data)) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'result') {
        const p = pending.get(frame.id);
        if (!p) return;
        pending.delete(frame.id);
        p.resolve(frame.result);
      } else if (frame.type === 'event') {
        for (const l of listeners.get(frame.name) ?? []) {
          try {
            l(frame.payload);
          } catch (err) {
            console.error(`listener for ${frame.name} failed`, err);
          }
        }
      }
    };
    socket.onclose = () => {
      if (ws !== socket) return;
      ws = null;
      // Calls already sent may or may not have run; the caller must decide, so fail them.
      const queued = new Set(queue.map((q) => q.id));
      for (const [id, p] of pending) {
        if (queued.has(id)) continue;
        pending.delete(id);
        p.resolve(disconnected('Lost the connection to Parley before it answered. Try again once it reconnects.'));
      }
      useConnection.getState().set('reconnecting');
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
      attempt++;
      setTimeout(connect, delay);
    };
  };

  status.set('connecting');
  connect();

  return {
    call<K extends CallName>(name: K, input: CallInput<K>): Promise<ApiResult<CallOutput<K>>> {
      const id = nextId++;
      const text = JSON.stringify({ type: 'call', id, name, payload: input });
      return new Promise((resolve) => {
        const entry: Pending = { resolve: resolve as Pending['resolve'], timer: null };
        pending.set(id, entry);
        if (ws && ws.readyState === WebSocket.OPEN) {
          ws.send(text);
        } else {
          queue.push({ id, text });
          entry.timer = setTimeout(() => {
            const i = queue.findIndex((q) => q.id === id);
            if (i >= 0) queue.splice(i, 1);
            pending.delete(id);
            resolve(disconnected('Parley is not connected. Check that it is still running.'));
          }, QUEUE_TIMEOUT_MS);
        }
      });
    },
    on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
}
