// The API under abuse: thousands of malformed, oversized and wrongly typed payloads for
// every call of the contract, through the real router of a real core (real SQLite, real
// keychain) and a sample through the real browser-mode WebSocket. Every malformed one is
// refused with a validation error, nothing throws, nothing leaks into Object.prototype,
// and afterwards the app still chats with the provider emulator.
//
// Payloads are derived from each call's zod schema (so a new call is fuzzed without
// touching this file) plus random ones from a seeded PRNG: set FUZZ_SEED to replay a run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { z } from 'zod';
import { CALL_NAMES, calls, type ApiResult } from '../../shared/api';
import type { Message } from '../../shared/domain';
import { startEmulator, type Emulator } from '../../e2e/emulator';
import { createCore, type Core } from '../core/app';
import { MAX_MESSAGE_BYTES, startWebServer, type WebServer } from './server';
import { mulberry32 } from '../core/test-support/seeded-random';

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed);
const RANDOM_PER_CALL = 150;
const VALIDATION_CODES = ['invalid_input', 'invalid_message', 'unknown_call'];

// ── Unhandled errors anywhere in the process fail the suite ─────────────────────────
const stray: unknown[] = [];
const onStray = (err: unknown) => stray.push(err);
process.on('unhandledRejection', onStray);
process.on('uncaughtException', onStray);

// ── Seeded randomness ──────────────────────────────────────────────────────────────

// ── Reading zod 4 schemas (only what the contract uses) ──────────────────────────────
type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; entries?: Record<string, string>; values?: unknown[]; options?: z.ZodType[]; element?: z.ZodType; catchall?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/nullable/default wrappers. */
function core(s: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let optional = false;
  for (;;) {
    const d = defOf(s);
    if (d.type === 'optional' || d.type === 'default') optional = true;
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType) s = d.innerType;
    else return { inner: s, optional };
  }
}

const STRING_CANDIDATES = ['x', 'conv-1', 'Parley', 'https://example.com/v1', 'sk-fuzz-test-key-123', 'gpt-4o-mini'];
const NUMBER_CANDIDATES = [1, 0, 10, 200, 0.5];

/** A value the schema accepts (the base that mutations start from), or undefined if none found. */
function validSample(s: z.ZodType): unknown {
  const { inner } = core(s);
  const d = defOf(inner);
  const first = (cands: unknown[]) => cands.find((c) => inner.safeParse(c).success);
  switch (d.type) {
    case 'string':
      return first(STRING_CANDIDATES);
    case 'number':
      return first(NUMBER_CANDIDATES);
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(d.entries ?? {})[0];
    case 'literal':
      return d.values?.[0];
    case 'array':
      return [];
    case 'union':
      return validSample(d.options![0]!);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape ?? {})) out[k] = validSample(v);
      return out;
    }
    default:
      return undefined;
  }
}

function deep(levels: number, leaf: unknown = 1): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < levels; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

const HUGE = 'A'.repeat(2_100_000);
/** Wrong types and hostile values for any one field. */
const FIELD_POISON: [string, () => unknown][] = [
  ['null', () => null],
  ['number', () => 42],
  ['negative', () => -1],
  ['float', () => 1.5],
  ['NaN', () => NaN],
  ['Infinity', () => Infinity],
  ['-Infinity', () => -Infinity],
  ['1e308', () => 1e308],
  ['string', () => 'str'],
  ['empty string', () => ''],
  ['whitespace', () => ' \t\n '],
  ['huge string', () => HUGE],
  ['control chars', () => '\u0000\u0007\u001b[2J\ud800'],
  ['boolean', () => false],
  ['array', () => ['x']],
  ['empty object', () => ({})],
  ['deep nesting', () => deep(5000)],
  ['__proto__ object', () => JSON.parse('{"__proto__":{"polluted":true}}')],
  ['constructor.prototype', () => ({ constructor: { prototype: { polluted: true } } })],
  ['bigint', () => 10n],
  ['symbol', () => Symbol('x')],
  ['function', () => () => 1],
  ['date', () => new Date(0)],
  ['null-prototype object', () => Object.create(null)],
];

/** Whole payloads that are not the call's object at all. */
const WHOLE_POISON: [string, () => unknown][] = [
  ['number', () => 1],
  ['zero', () => 0],
  ['NaN', () => NaN],
  ['string', () => 'payload'],
  ['empty string', () => ''],
  ['true', () => true],
  ['false', () => false],
  ['array', () => []],
  ['array of object', () => [{}]],
  ['huge string', () => HUGE],
  ['deep array', () => deep(10_000)],
  ['bigint', () => 1n],
  ['symbol', () => Symbol('p')],
  ['function', () => () => undefined],
  ['extra field', () => ({ zzUnexpected: 1 })],
  ['__proto__ key', () => JSON.parse('{"__proto__":{"polluted":true}}')],
  ['constructor key', () => ({ constructor: { prototype: { polluted: true } } })],
  ['prototype key', () => ({ prototype: { polluted: true } })],
  ['many keys', () => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))],
];

interface Case {
  call: unknown;
  label: string;
  payload: unknown;
}

/** The systematic cases for one call, from its schema. */
function systematicCases(name: string, schema: z.ZodType): Case[] {
  const out: Case[] = [];
  const base = validSample(schema) as Record<string, unknown>;
  for (const [label, make] of WHOLE_POISON) out.push({ call: name, label: `whole payload: ${label}`, payload: make() });
  const shape = defOf(schema).shape ?? {};
  for (const [field, fieldSchema] of Object.entries(shape)) {
    const { optional } = core(fieldSchema);
    if (!optional) {
      const { [field]: _omit, ...missing } = base;
      out.push({ call: name, label: `${field}: missing`, payload: missing });
    }
    for (const [label, make] of FIELD_POISON) out.push({ call: name, label: `${field}: ${label}`, payload: { ...base, [field]: make() } });
    // A field that is an object: poison its own fields too (ThinkingSetting, options, …).
    const inner = defOf(core(fieldSchema).inner);
    if (inner.type === 'object') {
      const innerBase = validSample(fieldSchema) as Record<string, unknown>;
      for (const sub of Object.keys(inner.shape ?? {})) {
        for (const [label, make] of FIELD_POISON) out.push({ call: name, label: `${field}.${sub}: ${label}`, payload: { ...base, [field]: { ...innerBase, [sub]: make() } } });
      }
    }
  }
  out.push({ call: name, label: 'valid base + unknown field', payload: { ...base, zzUnexpected: true } });
  out.push({ call: name, label: 'valid base + __proto__', payload: JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(base ?? {}).slice(1)}`.replace(/,}$/, '}')) });
  return out;
}

function randomValue(rnd: () => number, keys: string[], depth = 0): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const r = rnd();
  if (depth > 3 || r < 0.35) {
    return pick<() => unknown>([
      () => null,
      () => Math.floor(rnd() * 2 ** 32) - 2 ** 31,
      () => rnd() * 1e6,
      () => pick([NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 5e-324]),
      () => rnd() < 0.5,
      () => String.fromCharCode(...Array.from({ length: Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 0xffff))),
      () => pick(['', ' ', '__proto__', 'constructor', 'https://evil.example', 'javascript:alert(1)', '../../etc/passwd', "'; DROP TABLE messages; --", '%00', '\u202e']),
      () => 'Z'.repeat(Math.floor(rnd() * 300_000)),
    ])();
  }
  if (r < 0.55) return Array.from({ length: Math.floor(rnd() * 5) }, () => randomValue(rnd, keys, depth + 1));
  const obj: Record<string, unknown> = {};
  const n = Math.floor(rnd() * 6);
  for (let i = 0; i < n; i++) {
    const key = rnd() < 0.7 && keys.length ? pick(keys) : pick(['__proto__', 'constructor', 'prototype', 'id', 'x', '', 'toString', 'hasOwnProperty']);
    // Own "__proto__" keys as JSON.parse makes them, not a prototype change.
    Object.defineProperty(obj, key, { value: randomValue(rnd, keys, depth + 1), enumerable: true, configurable: true, writable: true });
  }
  return obj;
}

function randomCases(name: string, schema: z.ZodType, rnd: () => number): Case[] {
  const keys = Object.keys(defOf(schema).shape ?? {});
  return Array.from({ length: RANDOM_PER_CALL }, (_, i) => ({ call: name, label: `random #${i}`, payload: randomValue(rnd, keys) }));
}

// ── The app under test ──────────────────────────────────────────────────────────────
let tmp: string;
let app: Core;
let emulator: Emulator;
const keychainService = `parley-fuzz-${randomUUID()}`;

/** Only the emulator is reachable: a payload that happens to be valid must not reach the Internet. */
const hermeticFetch: typeof fetch = (input, init) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  if (url.hostname !== '127.0.0.1') return Promise.reject(new TypeError(`fuzz: network disabled for ${url.host}`));
  return fetch(input, init);
};

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-fuzz-'));
  emulator = await startEmulator();
  app = await createCore({ dataDir: tmp, keychainService, mode: 'web', appVersion: 'fuzz', fetch: hermeticFetch, timeouts: { connectMs: 2000, idleMs: 2000, backoffMs: 10, maxAttempts: 1 } });
});

afterAll(async () => {
  process.off('unhandledRejection', onStray);
  process.off('uncaughtException', onStray);
  await app?.close();
  await emulator?.close();
  const keytar = createRequire(import.meta.url)('keytar') as { findCredentials(s: string): Promise<{ account: string }[]>; deletePassword(s: string, a: string): Promise<boolean> };
  for (const c of await keytar.findCredentials(keychainService)) await keytar.deletePassword(keychainService, c.account);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function describeCase(c: Case): string {
  return `${String(c.call)} / ${c.label} (FUZZ_SEED=${SEED})`;
}

/** Sends one case through the router; checks the answer's shape. Returns the result. */
async function probe(c: Case): Promise<ApiResult<unknown>> {
  let result: ApiResult<unknown>;
  try {
    result = await app.router(c.call, c.payload);
  } catch (err) {
    throw new Error(`router threw for ${describeCase(c)}: ${String(err)}`);
  }
  expect(result, describeCase(c)).toBeTypeOf('object');
  expect(typeof result.ok, describeCase(c)).toBe('boolean');
  if (!result.ok) {
    expect(result.error.code, describeCase(c)).toBeTypeOf('string');
    expect(result.error.message.length, describeCase(c)).toBeGreaterThan(0);
    // Values are never reflected back (a huge string or a key-like string stays out of the error).
    const text = JSON.stringify(result);
    expect(text.includes('AAAAAAAAAAAAAAAAAAAA') || text.includes('ZZZZZZZZZZZZZZZZZZZZ'), describeCase(c)).toBe(false);
  }
  return result;
}

function isValid(c: Case): boolean {
  if (typeof c.call !== 'string' || !Object.hasOwn(calls, c.call)) return false;
  try {
    return (calls as Record<string, { input: z.ZodType }>)[c.call]!.input.safeParse(c.payload ?? {}).success;
  } catch {
    return false;
  }
}

describe('API fuzz through the router', () => {
  it('covers every call of the contract', () => {
    expect(CALL_NAMES.length).toBeGreaterThan(10);
    for (const name of CALL_NAMES) expect(systematicCases(name, calls[name].input as z.ZodType).length).toBeGreaterThan(10);
  });

  it('refuses every malformed payload to every call with a validation error', async () => {
    const rnd = mulberry32(SEED);
    const cases: Case[] = [];
    for (const name of CALL_NAMES) {
      const schema = calls[name].input as z.ZodType;
      cases.push(...systematicCases(name, schema), ...randomCases(name, schema, rnd));
    }
    let refused = 0;
    let accepted = 0;
    const perCall = new Map<string, number>();
    for (const c of cases) {
      const valid = isValid(c);
      const result = await probe(c);
      if (!valid) {
        expect(result.ok, describeCase(c)).toBe(false);
        if (!result.ok) expect(result.error.code, describeCase(c)).toBe('invalid_input');
        refused++;
        perCall.set(String(c.call), (perCall.get(String(c.call)) ?? 0) + 1);
      } else {
        // A payload that happens to be well-formed may succeed or fail for a reason
        // (not found, …) but never with an internal error.
        if (!result.ok) expect(result.error.code, describeCase(c)).not.toBe('internal');
        accepted++;
      }
    }
    expect(refused).toBeGreaterThan(3000);
    for (const name of CALL_NAMES) expect(perCall.get(name) ?? 0, name).toBeGreaterThan(50);
    // Almost everything generated is malformed; the rest exercised the handlers.
    expect(accepted).toBeLessThan(refused / 5);
  }, 60_000);

  it('refuses unknown and malformed call names', async () => {
    const rnd = mulberry32(SEED + 1);
    const names: unknown[] = ['', 'app', 'app.info ', 'APP.INFO', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'calls', 'chat.send\u0000', 'x'.repeat(100_000), 42, null, undefined, {}, [], ['app.info'], true, Symbol('app.info'), 1n];
    for (let i = 0; i < 200; i++) names.push(String.fromCharCode(...Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => 32 + Math.floor(rnd() * 95))));
    for (const name of names) {
      if (typeof name === 'string' && Object.hasOwn(calls, name)) continue;
      const r = await probe({ call: name, label: 'name', payload: {} });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('unknown_call');
    }
  });

  it('left Object.prototype untouched', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
  });
});

// ── The same through the WebSocket ──────────────────────────────────────────────────
describe('API fuzz through the browser-mode WebSocket', () => {
  let server: WebServer;
  beforeAll(async () => {
    const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-fuzz-static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    server = await startWebServer({ core: app, staticDir, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  const connect = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, { origin: `http://127.0.0.1:${server.port}` });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });

  /** Sends raw frames and collects one result per frame. */
  async function exchange(ws: WebSocket, frames: (string | Buffer)[]): Promise<{ id: unknown; result: ApiResult<unknown> }[]> {
    const results: { id: unknown; result: ApiResult<unknown> }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const onMessage = (data: Buffer) => {
        const msg = JSON.parse(String(data)) as { type: string; id: unknown; result: ApiResult<unknown> };
        if (msg.type !== 'result') return;
        results.push(msg);
        if (results.length === frames.length) {
          ws.off('message', onMessage);
          resolve();
        }
      };
      ws.on('message', onMessage);
      ws.once('close', () => reject(new Error(`socket closed after ${results.length}/${frames.length} results`)));
    });
    for (const f of frames) ws.send(f, { binary: Buffer.isBuffer(f) });
    await done;
    return results;
  }

  it('answers malformed messages with invalid_message and keeps the socket open', async () => {
    const ws = await connect();
    const frames: (string | Buffer)[] = [
      'not json',
      '{"type":"call","id":1,"name":"app.info","payload":',
      '',
      'null',
      '42',
      '"call"',
      '[]',
      '[{"type":"call","id":1,"name":"app.info","payload":{}}]',
      '{"id":2,"name":"app.info","payload":{}}',
      '{"type":"event","id":3,"name":"app.info","payload":{}}',
      '{"type":"result","id":4,"result":{"ok":true}}',
      '{"type":"CALL","id":5,"name":"app.info","payload":{}}',
      `{"type":"call","id":6,"name":"app.info","payload":${'['.repeat(200_000)}`,
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      Buffer.from([0xff, 0xfe, 0x00, 0x01]),
      Buffer.from(JSON.stringify({ type: 'call', id: 7, name: 'app.info', payload: {} })),
    ];
    const results = await exchange(ws, frames);
    expect(results).toHaveLength(frames.length);
    for (const r of results) {
      expect(r.result.ok).toBe(false);
      if (!r.result.ok) expect(r.result.error.code).toBe('invalid_message');
    }
    // The same socket still answers a good call.
    const [good] = await exchange(ws, [JSON.stringify({ type: 'call', id: 'ok', name: 'app.info', payload: {} })]);
    expect(good).toMatchObject({ id: 'ok', result: { ok: true, value: { mode: 'web' } } });
    ws.close();
  });

  it('answers calls with bad names, ids and payloads with validation errors', async () => {
    const ws = await connect();
    const rnd = mulberry32(SEED + 2);
    const frames: string[] = [
      JSON.stringify({ type: 'call', name: 'app.info', payload: {} }), // missing id: refused, answered with id null
      JSON.stringify({ type: 'call', id: { x: 1 }, name: 'app.info', payload: {} }),
      JSON.stringify({ type: 'call', id: 'i'.repeat(201), name: 'app.info', payload: {} }),
      JSON.stringify({ type: 'call', id: 9, name: 'nope', payload: {} }),
      JSON.stringify({ type: 'call', id: 1, name: 42, payload: {} }),
      JSON.stringify({ type: 'call', id: 2, payload: {} }),
      JSON.stringify({ type: 'call', id: 3, name: '__proto__', payload: {} }),
    ];
    // A sample of the router cases, as JSON (which turns NaN/Infinity into null, drops functions…).
    for (const name of CALL_NAMES) {
      const all = systematicCases(name, calls[name].input as z.ZodType).filter((c) => typeof c.payload !== 'bigint' && typeof c.payload !== 'symbol');
      for (let i = 0; i < 12; i++) {
        const c = all[Math.floor(rnd() * all.length)]!;
        let text: string | undefined;
        try {
          text = JSON.stringify({ type: 'call', id: `${name}#${i}`, name, payload: c.payload });
        } catch {
          continue; // bigint inside a field: not expressible as JSON
        }
        if (text && !isValid({ call: name, label: '', payload: JSON.parse(text).payload })) frames.push(text);
      }
    }
    const results = await exchange(ws, frames);
    expect(results).toHaveLength(frames.length);
    expect(results[0]!.id).toBeNull();
    for (const r of results) {
      expect(r.result.ok, JSON.stringify(r.id)).toBe(false);
      if (!r.result.ok) expect(VALIDATION_CODES, `${JSON.stringify(r.id)}: ${r.result.error.code}`).toContain(r.result.error.code);
    }
    ws.close();
  });

  it('closes the socket on a frame over the size limit, and the server keeps serving', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(JSON.stringify({ type: 'call', id: 1, name: 'chat.send', payload: { conversationId: 'x', text: 'y'.repeat(MAX_MESSAGE_BYTES + 1) } }));
    expect(await closed).toBe(1009); // "message too big"
    const again = await connect();
    const [r] = await exchange(again, [JSON.stringify({ type: 'call', id: 1, name: 'app.info', payload: {} })]);
    expect(r!.result.ok).toBe(true);
    again.close();
  });
});

describe('after the abuse', () => {
  it('still chats with a provider (the emulator)', async () => {
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const r = await app.router(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
      return r.value as T;
    };
    const done = new Map<string, (m: Message) => void>();
    const unsubscribe = app.events.subscribe((name, payload) => {
      if (name === 'chat.done') {
        const m = (payload as { message: Message }).message;
        done.get(m.id)?.(m);
      }
    });
    const provider = await call<{ id: string }>('providers.save', { name: 'Emulator', baseUrl: emulator.bases.openai, apiKey: emulator.keys.openai, defaultModel: 'gpt-4o-mini' });
    const conv = await call<{ id: string }>('conversations.create', { providerId: provider.id, modelId: 'gpt-4o-mini' });
    emulator.script('openai', [{ kind: 'reply', text: 'Still standing.' }]);
    const sent = await call<{ assistant: Message }>('chat.send', { conversationId: conv.id, text: 'Are you there?' });
    const final = await new Promise<Message>((resolve) => done.set(sent.assistant.id, resolve));
    unsubscribe();
    expect(final).toMatchObject({ status: 'complete', content: 'Still standing.' });
    expect(stray, 'unhandled rejections or exceptions during the fuzz run').toEqual([]);
  });
});
