// Test support for the history tests: the whole core as a transport sees it (router +
// events) on a real SQLite file, the real keychain and a local HTTP provider.
import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/api';
import type { Message } from '../../../shared/domain';
import { createCore } from '../app';
import { loadKeytar } from '../secrets/vault';
import type { StreamTimeouts } from '../stream/runner';
import { useTempDir } from '../test-support/temp-dir';

export const TEST_KEY = 'sk-history-test-key-4242';

type Seen = { name: EventName; payload: unknown };

export function useCores() {
  const tempDir = useTempDir();
  const keychainService = `parley-test-${randomUUID()}`;
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function start(dataDir = tempDir(), timeouts: Partial<StreamTimeouts> = {}) {
    const core = await createCore({ dataDir, keychainService, mode: 'web', appVersion: 'test', timeouts: { connectMs: 2000, idleMs: 2000, backoffMs: 50, ...timeouts } });
    let closed = false;
    const close = async () => {
      if (!closed) await core.close();
      closed = true;
    };
    cleanups.push(close);
    const seen: Seen[] = [];
    const done = new Map<string, Message>();
    const waiters = new Map<string, (m: Message) => void>();
    core.events.subscribe((name, payload) => {
      seen.push({ name, payload });
      if (name === 'chat.done') {
        const m = (payload as EventPayload<'chat.done'>).message;
        done.set(m.id, m);
        waiters.get(m.id)?.(m);
      }
    });
    /** Calls through the router; a failure throws `code: message`. */
    const call = async <T = never>(name: string, input: unknown = {}): Promise<T> => {
      const r = await core.router(name, input);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      return r.value as T;
    };
    const finished = (id: string) => new Promise<Message>((resolve) => (done.has(id) ? resolve(done.get(id)!) : waiters.set(id, resolve)));
    const events = <K extends EventName>(name: K) => seen.filter((e) => e.name === name).map((e) => e.payload as EventPayload<K>);
    return { core, call, finished, events, dataDir, close };
  }

  /** A provider pointing at `baseUrl` with a key in the real keychain, and a conversation on it. */
  async function withProvider(s: Awaited<ReturnType<typeof start>>, baseUrl: string, defaultModel = 'test-model') {
    const p = await s.call<{ id: string }>('providers.save', { name: 'Local', baseUrl, apiKey: TEST_KEY, defaultModel });
    cleanups.push(() => loadKeytar().deletePassword(keychainService, p.id));
    const c = await s.call<{ id: string }>('conversations.create', { providerId: p.id, modelId: 'test-model' });
    return { providerId: p.id, conversationId: c.id };
  }

  return { start, withProvider, tempDir, cleanups };
}
