// The verifier on its own: EIP-191 recovery against a published vector and a fixed test key,
// both signed-text forms, the report_data layout, and every verdict with its reason.
import { createHash } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { ByteCapture } from './byte-capture';
import { REASONS } from './checks';
import { addressOfPublicKey, personalMessageHash, recoverPersonalSigner, signPersonal } from './eip191';
import { TeeFetchError, type AttestationReport, type SignatureAnswer, type TeeClient } from './near-tee-client';
import { ReportCache } from './report-cache';
import { expectedReportData } from './report-data';
import { parseSignedText } from './signed-text';
import { NOT_CHECKED, verifyReply, type ReplyBytes } from './verify-reply';

// web3.js documentation's accounts.sign example: key, address, hash and signature of "Some data".
const WEB3_KEY = hexToBytes('4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318');
const WEB3_ADDRESS = '0x2c7536e3605d9c16a7a3d7b1898e529396a65c23';
const WEB3_SIG = '0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c';

const TEE_KEY = hexToBytes('11'.repeat(32));
const TEE_ADDRESS = addressOfPublicKey(secp256k1.getPublicKey(TEE_KEY));
const OTHER_KEY = hexToBytes('22'.repeat(32));
const OTHER_ADDRESS = addressOfPublicKey(secp256k1.getPublicKey(OTHER_KEY));
const NONCE = 'ab'.repeat(32);
const MODEL = 'zai-org/GLM-4.7';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const REQUEST = '{"model":"zai-org/GLM-4.7","messages":[{"role":"user","content":"hi"}],"stream":true}';
const RESPONSE = 'data: {"id":"chatcmpl-1","choices":[{"delta":{"content":"hé"}}]}\n\ndata: [DONE]\n\n';

const reply = (over: Partial<ReplyBytes> = {}): ReplyBytes => ({
  providerId: 'near', modelId: MODEL, completionId: 'chatcmpl-1',
  requestBody: Buffer.from(REQUEST), responseBytes: Buffer.from(RESPONSE), tooLarge: false, ...over,
});

function signed(text: string, key = TEE_KEY, named?: string, kind: string | null = 'provider_tee'): SignatureAnswer {
  return { kind: 'found', text, signature: signPersonal(text, key), signingAddress: named ?? addressOfPublicKey(secp256k1.getPublicKey(key)), signingAlgo: 'ecdsa', signatureKind: kind };
}

const goodText = `${MODEL}:${sha(REQUEST)}:${sha(RESPONSE)}`;

function report(nonce: string, over: Partial<{ address: string; reportData: string; gateway: string }> = {}): AttestationReport {
  const address = over.address ?? TEE_ADDRESS;
  const gateway = over.gateway ?? OTHER_ADDRESS;
  return {
    gateway: { signingAddress: gateway, signingAlgo: 'ecdsa', requestNonce: nonce, reportData: expectedReportData(gateway, nonce) },
    models: [{ signingAddress: address, signingAlgo: 'ecdsa', requestNonce: nonce, reportData: over.reportData ?? expectedReportData(address, nonce) }],
  };
}

/** A provider that answers from fixed data and counts report requests. */
function fakeClient(sig: SignatureAnswer | (() => SignatureAnswer), rep: (nonce: string) => AttestationReport = (n) => report(n)) {
  const calls = { signature: 0, report: 0, lastReport: null as null | { model: string; nonce: string; address: string } };
  const client: TeeClient = {
    async signature() {
      calls.signature++;
      return typeof sig === 'function' ? sig() : sig;
    },
    async report(model, nonce, address) {
      calls.report++;
      calls.lastReport = { model, nonce, address };
      return rep(nonce);
    },
  };
  return { client, calls };
}

const run = (c: TeeClient, r = reply(), cache = new ReportCache(), now = () => 1_000_000) => verifyReply(r, { client: c, cache, now, newNonce: () => NONCE });

describe('EIP-191 personal_sign recovery', () => {
  it('matches the published web3.js vector', () => {
    expect(Buffer.from(personalMessageHash('Some data')).toString('hex')).toBe('1da44b586eb0729ff70a73c326926f6ed5a25f5b056e7f47fbc6e58d86871655');
    expect(addressOfPublicKey(secp256k1.getPublicKey(WEB3_KEY))).toBe(WEB3_ADDRESS);
    expect(recoverPersonalSigner('Some data', WEB3_SIG)).toBe(WEB3_ADDRESS);
    expect(signPersonal('Some data', WEB3_KEY)).toBe(WEB3_SIG);
  });

  it('recovers a fixed key from a signature made here, with v as 27/28 or 0/1, over UTF-8 text', () => {
    const text = `${MODEL}:${sha('x')}:${sha('y')} — ünïcode`;
    const sig = signPersonal(text, TEE_KEY);
    expect(recoverPersonalSigner(text, sig)).toBe(TEE_ADDRESS);
    const v = parseInt(sig.slice(-2), 16);
    const zeroBased = sig.slice(0, -2) + (v - 27).toString(16).padStart(2, '0');
    expect(recoverPersonalSigner(text, zeroBased)).toBe(TEE_ADDRESS);
    expect(recoverPersonalSigner(`${text}!`, sig)).not.toBe(TEE_ADDRESS);
  });

  it('refuses signatures that are not 65 bytes or have an unknown recovery byte', () => {
    expect(() => recoverPersonalSigner('a', '0x1234')).toThrow(/65 bytes/);
    expect(() => recoverPersonalSigner('a', `${WEB3_SIG.slice(0, -2)}05`)).toThrow(/recovery byte/);
  });
});

describe('signed text and report data', () => {
  const h1 = sha('a');
  const h2 = sha('b');
  it('reads the three-part and two-part forms, splitting from the right', () => {
    expect(parseSignedText(`${MODEL}:${h1}:${h2}`)).toEqual({ model: MODEL, requestHash: h1, responseHash: h2 });
    expect(parseSignedText(`${h1}:${h2}`)).toEqual({ model: null, requestHash: h1, responseHash: h2 });
    expect(parseSignedText(`org/model:v2:tag:${h1.toUpperCase()}:${h2}`)).toEqual({ model: 'org/model:v2:tag', requestHash: h1, responseHash: h2 });
    expect(parseSignedText(`${MODEL}:${h1}`)).toBeNull();
    expect(parseSignedText(`${h1}:${h2}x`)).toBeNull();
    expect(parseSignedText(`:${h1}:${h2}`)).toBeNull();
  });

  it('is the address padded with zeros to 32 bytes, then the nonce', () => {
    const rd = expectedReportData('0xABCDEF0123456789abcdef0123456789ABCDEF01', NONCE);
    expect(rd).toBe(`abcdef0123456789abcdef0123456789abcdef01${'0'.repeat(24)}${NONCE}`);
    expect(rd).toHaveLength(128);
    expect(() => expectedReportData('0x1234', NONCE)).toThrow(/20 bytes/);
  });
});

describe('verifyReply', () => {
  it('verifies a three-part signature by an attested key, binding our nonce', async () => {
    const { client, calls } = fakeClient(signed(goodText));
    const r = await run(client);
    expect(r).toMatchObject({ status: 'verified', notChecked: NOT_CHECKED, checkedAt: 1_000_000 });
    expect(r.evidence).toMatchObject({
      signedText: goodText, signedModel: MODEL, requestHash: sha(REQUEST), responseHash: sha(RESPONSE),
      expectedRequestHash: sha(REQUEST), expectedResponseHash: sha(RESPONSE), signer: TEE_ADDRESS, signingAddress: TEE_ADDRESS,
      signatureKind: 'provider_tee', nonce: NONCE, requestNonce: NONCE, attestedAddresses: [TEE_ADDRESS],
      reportData: expectedReportData(TEE_ADDRESS, NONCE), expectedReportData: expectedReportData(TEE_ADDRESS, NONCE),
    });
    expect(calls.lastReport).toEqual({ model: MODEL, nonce: NONCE, address: TEE_ADDRESS });
  });

  it('verifies a two-part gateway signature against the gateway attestation', async () => {
    const text = `${sha(REQUEST)}:${sha(RESPONSE)}`;
    const { client } = fakeClient(signed(text, OTHER_KEY, undefined, 'gateway'));
    const r = await run(client);
    expect(r.status).toBe('verified');
    expect(r.evidence).toMatchObject({ signedModel: null, signer: OTHER_ADDRESS, attestedAddresses: [OTHER_ADDRESS] });
  });

  it('fails when the response bytes differ by one byte', async () => {
    const tampered = Buffer.from(RESPONSE);
    tampered[10] = tampered[10]! ^ 1;
    const { client, calls } = fakeClient(signed(goodText));
    const r = await run(client, reply({ responseBytes: tampered }));
    expect(r).toMatchObject({ status: 'failed', reason: REASONS.responseMismatch });
    expect(r.evidence.responseHash).toBe(sha(RESPONSE));
    expect(r.evidence.expectedResponseHash).not.toBe(sha(RESPONSE));
    expect(calls.report).toBe(0);
  });

  it('fails when the request bytes differ', async () => {
    const { client } = fakeClient(signed(goodText));
    const r = await run(client, reply({ requestBody: Buffer.from(`${REQUEST} `) }));
    expect(r).toMatchObject({ status: 'failed', reason: REASONS.requestMismatch });
  });

  it('fails when the signature was made by another key than the one named', async () => {
    const { client } = fakeClient(signed(goodText, OTHER_KEY, TEE_ADDRESS));
    const r = await run(client);
    expect(r.status).toBe('failed');
    expect(r.reason).toContain(REASONS.wrongSigner);
    expect(r.evidence.signer).toBe(OTHER_ADDRESS);
  });

  it('fails when the signer is not among the attested keys', async () => {
    const { client } = fakeClient(signed(goodText, OTHER_KEY));
    const r = await run(client);
    expect(r).toMatchObject({ status: 'failed', reason: REASONS.notAttested });
    expect(r.evidence.attestedAddresses).toEqual([TEE_ADDRESS]);
  });

  it('fails when the report answers another nonce, and does not cache it', async () => {
    const stale = 'cd'.repeat(32);
    const cache = new ReportCache();
    const { client } = fakeClient(signed(goodText), () => report(stale));
    const r = await run(client, reply(), cache);
    expect(r).toMatchObject({ status: 'failed', reason: REASONS.staleNonce });
    expect(r.evidence).toMatchObject({ nonce: NONCE, requestNonce: stale });
    expect(cache.get('near', MODEL, TEE_ADDRESS, 1_000_000)).toBeNull();
  });

  it('fails when report_data does not bind the signer and nonce', async () => {
    const { client } = fakeClient(signed(goodText), (n) => report(n, { reportData: expectedReportData(OTHER_ADDRESS, n) }));
    expect(await run(client)).toMatchObject({ status: 'failed', reason: REASONS.reportData });
  });

  it('fails on signed text in an unknown form', async () => {
    const { client } = fakeClient(signed('not:hashes'));
    expect(await run(client)).toMatchObject({ status: 'failed', reason: REASONS.badText });
  });

  it('is not verifiable when the provider has no signature (404, disconnect), the bytes were too large, or the provider is unreachable', async () => {
    expect(await run(fakeClient({ kind: 'not_found' }).client)).toMatchObject({ status: 'not_verifiable', reason: 'The provider has no signature for this reply' });
    expect(await run(fakeClient({ kind: 'unavailable', code: 'STREAM_DISCONNECTED', message: 'gone' }).client)).toMatchObject({
      status: 'not_verifiable',
      reason: 'The provider has no signature for this reply (the stream was disconnected)',
    });
    expect(await run(fakeClient(signed(goodText)).client, reply({ tooLarge: true, requestBody: null, responseBytes: null }))).toMatchObject({
      status: 'not_verifiable',
      reason: 'Not verifiable: reply too large to keep',
    });
    const down: TeeClient = { signature: () => Promise.reject(new TeeFetchError('Could not reach the provider for the reply signature: ECONNREFUSED')), report: () => Promise.reject(new Error('unused')) };
    const r = await run(down);
    expect(r.status).toBe('not_verifiable');
    expect(r.reason).toMatch(/^Could not reach the provider .*ECONNREFUSED\. Try Verify again later\.$/);
  });

  it('asks again for a signature that is not there yet', async () => {
    let n = 0;
    const { client, calls } = fakeClient(() => (++n < 3 ? { kind: 'not_found' } : signed(goodText)));
    const r = await verifyReply(reply(), { client, cache: new ReportCache(), newNonce: () => NONCE, notFoundRetriesMs: [1, 1, 1] });
    expect(r.status).toBe('verified');
    expect(calls.signature).toBe(3);
  });

  it('reuses a passed report within its freshness window, then fetches a new one with a new nonce', async () => {
    const cache = new ReportCache(5 * 60_000);
    const { client, calls } = fakeClient(signed(goodText));
    let t = 1_000_000;
    const nonces = ['01'.repeat(32), '02'.repeat(32)];
    const go = () => verifyReply(reply(), { client, cache, now: () => t, newNonce: () => nonces.shift()! });
    expect((await go()).evidence.nonce).toBe('01'.repeat(32));
    t += 4 * 60_000;
    const cached = await go();
    expect(cached.status).toBe('verified');
    expect(cached.evidence).toMatchObject({ nonce: '01'.repeat(32), reportFetchedAt: 1_000_000 });
    expect(calls.report).toBe(1);
    t += 2 * 60_000;
    expect((await go()).evidence.nonce).toBe('02'.repeat(32));
    expect(calls.report).toBe(2);
  });
});

describe('ByteCapture', () => {
  it('keeps copies of every chunk up to the cap, then lets go and says so', () => {
    const c = new ByteCapture(10);
    const chunk = Buffer.from('abcd');
    c.push(chunk);
    chunk[0] = 0x7a; // a reader reusing its buffer must not change what was kept
    c.push(Buffer.from('efgh'));
    expect(Buffer.from(c.bytes()).toString()).toBe('abcdefgh');
    expect(c.tooLarge).toBe(false);
    c.push(Buffer.from('ijk'));
    expect(c.tooLarge).toBe(true);
    expect(c.bytes()).toHaveLength(0);
  });
});
