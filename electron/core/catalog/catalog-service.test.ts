import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import { BUNDLED_AS_OF, BUNDLED_MODELS } from '../../../shared/catalog/bundled';
import { EventBus } from '../events';
import { CatalogCache } from '../history/catalog-cache';
import type { ProviderRecord } from '../history/providers-repo';
import { openDatabase } from '../history/database';
import { adapters, BUILT_IN_PROVIDERS } from '../providers/registry';
import { Redactor } from '../secrets/redactor';
import { Vault, type Keychain } from '../secrets/vault';
import { CatalogService } from './catalog-service';
import { fakeFetch, type FakeRoute } from './fake-fetch';

// The OS keychain, in memory.
function memoryKeychain(keys: Record<string, string>): Keychain {
  const store = new Map(Object.entries(keys));
  return {
    getPassword: async (_s, account) => store.get(account) ?? null,
    setPassword: async (_s, account, pw) => void store.set(account, pw),
    deletePassword: async (_s, account) => store.delete(account),
  };
}

const dirs: string[] = [];
const dbs: DatabaseSync[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-catalog-'));
  dirs.push(dir);
  return path.join(dir, 'history.sqlite');
}

function service(file: string, routes: Record<string, FakeRoute>, providers: () => ProviderRecord[] = () => BUILT_IN_PROVIDERS) {
  const { db } = openDatabase(file);
  dbs.push(db);
  const redactor = new Redactor();
  const events = new EventBus();
  const emitted: unknown[] = [];
  events.subscribe((name, payload) => emitted.push({ name, payload }));
  const svc = new CatalogService({
    providers,
    adapters,
    vault: new Vault(memoryKeychain({ near: 'sk-near-secret-key', nanogpt: 'ng-key', llmbase: 'lb-key' }), 'parley-test', redactor),
    cache: new CatalogCache(db),
    events,
    fetch: fakeFetch(routes).fetch,
    redact: (t) => redactor.redact(t),
  });
  return { svc, db, emitted };
}

const NANO = { data: [{ id: 'deepseek/deepseek-v3.2', name: 'DeepSeek V3.2', pricing: { prompt: 0.28, completion: 0.42 }, capabilities: {} }] };
const LLMB = { data: [{ id: 'z-ai/glm-5.1', name: 'GLM 5.1', pricing: { prompt: '0.0000014', completion: '0.0000044' }, supported_features: ['reasoning'] }] };
const healthy: Record<string, FakeRoute> = {
  'cloud-api.near.ai/v1/models': () => ({ body: { data: [{ id: 'openai/gpt-oss-120b', pricing: { input: 0.15, output: 0.55 } }] } }),
  'cloud-api.near.ai/v1/model/list': () => ({ body: { models: [{ modelId: 'openai/gpt-oss-120b', inputCostPerToken: { amount: 150, scale: 9 }, outputCostPerToken: { amount: 550, scale: 9 }, metadata: { verifiable: true, providerType: 'vllm' } }], total: 1 } }),
  'nano-gpt.com/api/v1/models': () => ({ body: NANO }),
  'nano-gpt.com/api/subscription/v1/models': () => ({ body: { data: [] } }),
  'api.llmbase.ai/v1/models': () => ({ body: LLMB }),
};

describe('CatalogService', () => {
  it('before any fetch, every built-in provider shows its bundled page', () => {
    const { svc } = service(tempDbFile(), healthy);
    const { models, sources } = svc.list();
    expect(sources.map((s) => [s.providerId, s.source, s.error])).toEqual([
      ['near', 'bundled', null],
      ['nanogpt', 'bundled', null],
      ['llmbase', 'bundled', null],
    ]);
    expect(sources[0]!.asOf).toBe(Date.parse(`${BUNDLED_AS_OF}T00:00:00Z`));
    expect(models.filter((m) => m.provider === 'near')).toHaveLength(9);
  });

  it('one provider failing shows its error and leaves the others usable', async () => {
    const { svc, emitted } = service(tempDbFile(), {
      ...healthy,
      'cloud-api.near.ai/v1/models': () => ({ status: 401, body: { error: { message: 'Invalid API key sk-near-secret-key', type: 'invalid_api_key' } } }),
    });
    const { models, sources } = await svc.refresh();
    const near = sources.find((s) => s.providerId === 'near')!;
    expect(near.source).toBe('bundled');
    expect(near.error).toMatch(/Could not load NEAR AI Cloud models: .*rejected/);
    expect(near.error).not.toContain('sk-near-secret-key');
    expect(sources.find((s) => s.providerId === 'nanogpt')).toMatchObject({ source: 'live', error: null });
    expect(sources.find((s) => s.providerId === 'llmbase')).toMatchObject({ source: 'live', error: null });
    // NEAR still offers its bundled models; the others their live ones, priced per 1M.
    expect(models.filter((m) => m.provider === 'near')).toHaveLength(9);
    expect(svc.find('llmbase', 'z-ai/glm-5.1')).toMatchObject({ source: 'live', pricing: { input: 1.4, output: 4.4 } });
    expect(svc.find('nanogpt', 'deepseek/deepseek-v3.2')).toMatchObject({ source: 'live', pricing: { input: 0.28, output: 0.42 } });
    expect(emitted).toHaveLength(1);
  });

  it('a cached list survives a restart, and a later failure keeps it', async () => {
    const file = tempDbFile();
    const first = service(file, healthy);
    const before = Date.now();
    await first.svc.refresh();
    first.db.close();
    dbs.splice(dbs.indexOf(first.db), 1);

    // Restart: a new service over the same file, with the network down.
    const down: Record<string, FakeRoute> = Object.fromEntries(Object.keys(healthy).map((k) => [k, () => ({ status: 503, body: 'Service Unavailable' })]));
    const second = service(file, down);
    const listed = second.svc.list();
    expect(listed.sources.every((s) => s.source === 'live' && s.asOf >= before)).toBe(true);
    expect(second.svc.find('near', 'openai/gpt-oss-120b')).toMatchObject({ privacy: 'private', source: 'live', pricing: { input: 0.15, output: 0.55 } });

    const { sources } = await second.svc.refresh('near');
    expect(sources.find((s) => s.providerId === 'near')).toMatchObject({ source: 'live', error: expect.stringMatching(/503/) });
    expect(second.svc.find('near', 'openai/gpt-oss-120b')).not.toBeNull();
  });

  it('an empty answer is an error, not an empty catalog', async () => {
    const { svc } = service(tempDbFile(), { ...healthy, 'api.llmbase.ai/v1/models': () => ({ body: { data: [] } }) });
    const { sources, models } = await svc.refresh('llmbase');
    expect(sources.find((s) => s.providerId === 'llmbase')).toMatchObject({ source: 'bundled', error: expect.stringMatching(/listed no models/) });
    expect(models.filter((m) => m.provider === 'llmbase')).toHaveLength(18);
  });

  it("a custom endpoint's models take images where its list says so, or where the user says they all do", async () => {
    const custom: ProviderRecord = { id: 'custom-1', kind: 'openai', name: 'Local', baseUrl: 'http://127.0.0.1:9/v1', defaultModel: null, builtIn: false, options: {} };
    const routes: Record<string, FakeRoute> = {
      '127.0.0.1:9/v1/models': () => ({
        body: {
          object: 'list',
          data: [
            { id: 'plain-model', object: 'model', owned_by: 'me' },
            { id: 'openrouter-style', architecture: { input_modalities: ['text', 'image', 'file'] }, context_length: 128000 },
            { id: 'flagged', capabilities: { vision: true, tools: false } },
          ],
        },
      }),
    };
    const { svc } = service(tempDbFile(), routes, () => [custom]);
    await svc.refresh('custom-1');
    const seen = () => Object.fromEntries(svc.list().models.map((m) => [m.id, [m.capabilities.vision, m.capabilities.pdf, m.inputModalities.join('+')]]));
    expect(seen()).toEqual({
      'plain-model': [false, false, 'text'],
      'openrouter-style': [true, true, 'text+image+file'],
      flagged: [true, false, 'text+image'],
    });
    expect(svc.find('custom-1', 'openrouter-style')?.contextLength).toBe(128000);

    // The switch applies to what is cached already, and to nothing but vision.
    custom.options = { modelsSeeImages: true };
    expect(seen()).toEqual({
      'plain-model': [true, false, 'text+image'],
      'openrouter-style': [true, true, 'text+image+file'],
      flagged: [true, false, 'text+image'],
    });
    custom.options = {};
    expect(seen()['plain-model']).toEqual([false, false, 'text']);
  });
});

/** A complete, valid model record to vary. */
const BUNDLED_MODEL_LIKE = { ...BUNDLED_MODELS[0]!, source: 'live' as const };

describe('a model list with entries the app cannot carry', () => {
  const custom: ProviderRecord = { id: 'custom-1', kind: 'openai', name: 'Local', baseUrl: 'http://127.0.0.1:9/v1', defaultModel: null, builtIn: false, options: {} };
  const listing = (data: unknown[]): Record<string, FakeRoute> => ({ '127.0.0.1:9/v1/models': () => ({ body: { object: 'list', data } }) });

  it('leaves those entries out and keeps the rest; every provider still lists', async () => {
    const odd = [{ id: 'm'.repeat(301) }, { id: 'tiny-context', context_length: 0.4 }, { id: 'odd-modality', input_modalities: ['x'.repeat(60)] }];
    const { svc } = service(tempDbFile(), { ...healthy, ...listing([{ id: 'good' }, ...odd]) }, () => [...BUILT_IN_PROVIDERS, custom]);
    const { models, sources } = await svc.refresh();
    expect(sources.find((s) => s.providerId === 'custom-1')).toMatchObject({ source: 'live', error: null });
    // A context under one token is no context: the model stays, without one.
    expect(models.filter((m) => m.provider === 'custom-1').map((m) => [m.id, m.contextLength])).toEqual([
      ['good', null],
      ['tiny-context', null],
    ]);
    expect(models.some((m) => m.provider === 'nanogpt')).toBe(true);
  });

  it('a list none of whose entries can be read keeps what was there before, and says why', async () => {
    const { svc } = service(tempDbFile(), listing([{ id: 'x'.repeat(400) }]), () => [custom]);
    const { sources, models } = await svc.refresh('custom-1');
    expect(sources[0]).toMatchObject({ source: 'bundled', error: 'Could not load Local models: none of the 1 models it listed could be read' });
    expect(models).toEqual([]);
  });

  it('a list cached by an older version with such an entry is cleaned when read', () => {
    const file = tempDbFile();
    const { svc, db } = service(file, {}, () => [custom]);
    const good = { ...BUNDLED_MODEL_LIKE, provider: 'custom-1', id: 'good' };
    db.prepare('INSERT INTO catalog_cache (provider_id, fetched_at, models) VALUES (?, ?, ?)').run('custom-1', 1, JSON.stringify([good, { ...good, id: 'y'.repeat(500) }]));
    expect(svc.list().models.map((m) => m.id)).toEqual(['good']);
    const row = db.prepare('SELECT models FROM catalog_cache WHERE provider_id = ?').get('custom-1') as { models: string };
    expect((JSON.parse(row.models) as { id: string }[]).map((m) => m.id)).toEqual(['good']);
  });
});
