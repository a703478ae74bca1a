// TEE verification end to end through the core: router + real SQLite + real keychain + real
// HTTP to the emulator, which signs NEAR Private replies with a test key. Each tampering
// switch must turn the verdict into the right failure, in words.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message, VerificationResult } from '../../shared/domain';
import { createCore, type Core } from '../../electron/core/app';
import { loadKeytar } from '../../electron/core/secrets/vault';
import { completionSummary, startEmulator, type Emulator, type Step, type TeeTamper } from './index';

const PRIVATE_MODEL = 'zai-org/GLM-4.7';
const ANONYMISED_MODEL = 'anthropic/claude-sonnet-4-5';
const keychainService = `parley-tee-test-${randomUUID()}`;

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
  await loadKeytar().deletePassword(keychainService, 'near');
});

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  emu.reset();
});

interface Session {
  core: Core;
  call: <T>(name: string, input?: unknown) => Promise<T>;
  send: (text: string, steps?: Step[]) => Promise<{ message: Message; verification: Promise<VerificationResult> }>;
  updates: { messageId: string; conversationId: string; result: VerificationResult }[];
  conversationId: string;
  dataDir: string;
}

async function session(opts: { model?: string; autoVerify?: boolean; dataDir?: string; fetch?: typeof fetch } = {}): Promise<Session> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'parley-tee-'));
  const core = await createCore({ dataDir, keychainService, mode: 'web', appVersion: 'test', timeouts: { connectMs: 2000, idleMs: 2000, backoffMs: 10 }, verifyNotFoundRetriesMs: [20], fetch: opts.fetch });
  cleanups.push(async () => {
    await core.close();
    if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const r = await core.router(name, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  const done = new Map<string, (m: Message) => void>();
  const verified = new Map<string, (r: VerificationResult) => void>();
  const updates: Session['updates'] = [];
  core.events.subscribe((name, payload) => {
    if (name === 'chat.done') {
      const m = (payload as { message: Message }).message;
      done.get(m.id)?.(m);
    }
    if (name === 'verify.updated') {
      const u = payload as Session['updates'][number];
      updates.push(u);
      verified.get(u.messageId)?.(u.result);
    }
  });
  await call('providers.save', { id: 'near', kind: 'near', name: 'NEAR AI Cloud', baseUrl: emu.bases.near });
  await call('keys.set', { providerId: 'near', apiKey: emu.keys.near });
  await call('catalog.refresh', { providerId: 'near' });
  if (opts.autoVerify !== undefined) await call('settings.update', { autoVerify: opts.autoVerify });
  const conv = await call<{ id: string }>('conversations.create', { providerId: 'near', modelId: opts.model ?? PRIVATE_MODEL });
  const send = async (text: string, steps: Step[] = []) => {
    if (steps.length) emu.script('near', steps);
    const sent = await call<{ assistant: Message }>('chat.send', { conversationId: conv.id, text });
    const id = sent.assistant.id;
    // Both listeners are registered before the reply can settle (settling needs the event loop).
    const verification = new Promise<VerificationResult>((resolve) => verified.set(id, resolve));
    const message = await new Promise<Message>((resolve) => done.set(id, resolve));
    return { message, verification };
  };
  return { core, call, send, updates, conversationId: conv.id, dataDir };
}

async function verdictWith(tamper: TeeTamper): Promise<VerificationResult> {
  const s = await session();
  emu.tee.tamper(tamper);
  const { message, verification } = await s.send('What is 2+2?');
  expect(message.status).toBe('complete');
  return verification;
}

describe('TEE verification of NEAR Private replies', () => {
  it('verifies a Private reply automatically, stores it on the message, and explains what was checked', async () => {
    const s = await session();
    const { message, verification } = await s.send('What is 2+2?');
    expect(message).toMatchObject({ status: 'complete', privacy: 'private', verification: null });
    const result = await verification;
    expect(result.status).toBe('verified');
    expect(result.reason).toMatch(/match the provider's signature/);
    expect(result.notChecked).toBe("The Intel TDX quote and NVIDIA GPU evidence were not checked locally: that needs Intel's and NVIDIA's attestation services.");

    // The evidence is exactly what the emulator hashed and signed.
    const completionId = result.evidence.completionId!;
    const rec = emu.completions.get(completionId)!;
    const summary = completionSummary(rec);
    const signer = emu.tee.addresses().model;
    expect(result.evidence).toMatchObject({
      model: PRIVATE_MODEL,
      signedText: `${PRIVATE_MODEL}:${summary.requestSha256}:${summary.responseSha256}`,
      requestHash: summary.requestSha256,
      expectedRequestHash: summary.requestSha256,
      responseHash: summary.responseSha256,
      expectedResponseHash: summary.responseSha256,
      signer,
      signingAddress: signer,
      signatureKind: 'provider_tee',
      attestedAddresses: [signer],
    });
    expect(result.evidence.nonce).toMatch(/^[0-9a-f]{64}$/);
    expect(result.evidence.requestNonce).toBe(result.evidence.nonce);
    expect(result.evidence.reportData).toBe(`${signer.slice(2)}${'0'.repeat(24)}${result.evidence.nonce}`);

    // The signature and report were fetched with the key, for this model, with ecdsa.
    const sigReq = emu.requests.find((r) => r.path === `/near/v1/signature/${completionId}`)!;
    expect(sigReq.query).toMatchObject({ model: PRIVATE_MODEL, signing_algo: 'ecdsa' });
    expect(sigReq.headers.authorization).toBe(`Bearer ${emu.keys.near}`);
    const repReq = emu.requests.find((r) => r.path === '/near/v1/attestation/report')!;
    expect(repReq.query).toMatchObject({ model: PRIVATE_MODEL, signing_algo: 'ecdsa', nonce: result.evidence.nonce, signing_address: signer });

    // Stored: verify.get and the message list both return it, also after a restart.
    expect(await s.call('verify.get', { messageId: message.id })).toEqual(result);
    expect(s.updates).toEqual([{ messageId: message.id, conversationId: s.conversationId, result }]);
    await s.core.close();
    cleanups.pop();
    const again = await session({ dataDir: s.dataDir });
    const msgs = await again.call<Message[]>('messages.list', { conversationId: s.conversationId });
    expect(msgs.find((m) => m.id === message.id)?.verification).toEqual(result);

    // Verify again (on request): the report for this key is reused within its freshness window.
    const reports = emu.requests.filter((r) => r.path === '/near/v1/attestation/report').length;
    const rerun = await again.call<VerificationResult>('verify.run', { messageId: message.id });
    expect(rerun.status).toBe('verified');
    expect(emu.requests.filter((r) => r.path === '/near/v1/attestation/report').length).toBe(reports + 1); // new core, empty cache
    const third = await again.call<VerificationResult>('verify.run', { messageId: message.id });
    expect(third.evidence.nonce).toBe(rerun.evidence.nonce);
    expect(emu.requests.filter((r) => r.path === '/near/v1/attestation/report').length).toBe(reports + 1);
    fs.rmSync(s.dataDir, { recursive: true, force: true });
  });

  it('fails when a response byte differs from what was signed', async () => {
    expect(await verdictWith({ responseByte: true })).toMatchObject({ status: 'failed', reason: 'The response bytes do not match the signed hash' });
  });

  it('fails when the signed request is not the one sent', async () => {
    expect(await verdictWith({ requestBody: true })).toMatchObject({ status: 'failed', reason: 'The request bytes do not match the signed hash' });
  });

  it('fails when the signer is not in the attestation report', async () => {
    const r = await verdictWith({ foreignKey: true });
    expect(r).toMatchObject({ status: 'failed', reason: 'The signer is not among the attested keys' });
    expect(r.evidence.signer).toBe(emu.tee.addresses().foreign);
    expect(r.evidence.attestedAddresses).toEqual([emu.tee.addresses().model]);
  });

  it('fails when the report answers a stale nonce', async () => {
    const r = await verdictWith({ staleNonce: true });
    expect(r).toMatchObject({ status: 'failed', reason: 'The attestation is not bound to our nonce' });
    expect(r.evidence.requestNonce).not.toBe(r.evidence.nonce);
  });

  it('is not verifiable when the provider has no signature (404)', async () => {
    expect(await verdictWith({ signatureNotFound: true })).toMatchObject({ status: 'not_verifiable', reason: 'The provider has no signature for this reply' });
  });

  it('verifies the two-part gateway form against the gateway attestation', async () => {
    const r = await verdictWith({ signatureKind: 'gateway' });
    expect(r.status).toBe('verified');
    expect(r.evidence).toMatchObject({ signatureKind: 'gateway', signer: emu.tee.addresses().gateway, signedModel: null });
  });

  it('is not verifiable after the stream was disconnected (the reply was stopped)', async () => {
    const s = await session();
    emu.script('near', [{ kind: 'stall', afterChars: 8 }]);
    const sent = await s.call<{ assistant: Message }>('chat.send', { conversationId: s.conversationId, text: 'Stop me' });
    const result = new Promise<VerificationResult>((resolve) =>
      s.core.events.subscribe((name, p) => name === 'verify.updated' && resolve((p as { result: VerificationResult }).result)),
    );
    // Stop once some text has arrived, so the completion id is known.
    await new Promise<void>((resolve) => {
      const off = s.core.events.subscribe((name, p) => {
        if (name === 'chat.stream' && (p as { frames: { type: string }[] }).frames.some((f) => f.type === 'content')) {
          off();
          resolve();
        }
      });
    });
    await s.call('chat.stop', { messageId: sent.assistant.id });
    expect(await result).toMatchObject({ status: 'not_verifiable', reason: 'The provider has no signature for this reply (the stream was disconnected)' });
  });

  it('does nothing for non-Private models, and refuses verify.run there', async () => {
    const s = await session({ model: ANONYMISED_MODEL });
    const { message } = await s.send('Hello');
    expect(message.privacy).toBe('anonymised');
    await new Promise((r) => setTimeout(r, 50));
    expect(s.updates).toEqual([]);
    expect(await s.call('verify.get', { messageId: message.id })).toBeNull();
    await expect(s.call('verify.run', { messageId: message.id })).rejects.toThrow(/^not_verifiable: Only replies from Private models/);
    expect(emu.requests.some((r) => r.path.startsWith('/near/v1/signature/'))).toBe(false);
  });

  it('keeps the bytes but waits for verify.run when automatic verification is off', async () => {
    const s = await session({ autoVerify: false });
    const { message } = await s.send('Hello');
    await new Promise((r) => setTimeout(r, 50));
    expect(s.updates).toEqual([]);
    expect(await s.call('verify.get', { messageId: message.id })).toBeNull();
    const r = await s.call<VerificationResult>('verify.run', { messageId: message.id });
    expect(r.status).toBe('verified');
    expect(s.updates.map((u) => u.result.status)).toEqual(['verified']);
  });

  it('never stores or announces the key, even when the provider echoes it', async () => {
    const echoing: typeof fetch = async (input, init) => {
      const url = String(input);
      if (!url.includes('/signature/')) return fetch(input, init);
      return new Response(JSON.stringify({ error_code: 'KEY_PROBLEM', message: `key ${emu.keys.near} has no signature access` }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const s = await session({ fetch: echoing });
    const { message, verification } = await s.send('Hello');
    const r = await verification;
    expect(r).toMatchObject({ status: 'not_verifiable', reason: 'The provider has no signature for this reply (KEY_PROBLEM: key [redacted] has no signature access)' });
    const stored = await s.call<Message[]>('messages.list', { conversationId: s.conversationId });
    expect(JSON.stringify(stored)).not.toContain(emu.keys.near);
    expect(JSON.stringify(s.updates)).not.toContain(emu.keys.near);
    expect(stored.find((m) => m.id === message.id)?.verification?.status).toBe('not_verifiable');
  });

  it('keeps no bytes of a reply that echoes the key (they cannot be redacted without breaking the hash)', async () => {
    const s = await session();
    const { message, verification } = await s.send('Hello', [{ kind: 'midstream-error', afterChars: 8, message: `upstream rejected key ${emu.keys.near}` }]);
    expect(message.status).toBe('error');
    const r = await verification;
    expect(r).toMatchObject({ status: 'not_verifiable', reason: expect.stringContaining('contained one of your API keys') });
    await s.core.close();
    // Nothing of the key on disk: not the evidence table, not the message, not the WAL.
    for (const f of fs.readdirSync(s.dataDir)) {
      const file = path.join(s.dataDir, f);
      if (fs.statSync(file).isFile()) expect(fs.readFileSync(file).includes(emu.keys.near), f).toBe(false);
    }
  });

  it('rejects bad input with a clear error', async () => {
    const s = await session();
    await expect(s.call('verify.run', {})).rejects.toThrow(/messageId/);
    await expect(s.call('verify.get', { messageId: 'nope' })).rejects.toThrow(/^not_found: Message was not found/);
  });
});
