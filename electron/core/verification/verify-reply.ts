// Verifies one reply from its kept bytes: fetch the provider's signature, check it against
// SHA-256 of exactly what was sent and received, recover the signer, and check an
// attestation report (fresh nonce, or a cached one within its window) lists and binds it.
import { createHash, randomBytes } from 'node:crypto';
import type { VerificationEvidence, VerificationResult, VerificationStatus } from '../../../shared/domain';
import { checkAttestation, checkSignature } from './checks';
import { TeeFetchError, type SignatureAnswer, type TeeClient } from './near-tee-client';
import type { ReportCache } from './report-cache';

export const NOT_CHECKED =
  'The Intel TDX quote and NVIDIA GPU evidence were not checked locally: that needs Intel\'s and NVIDIA\'s attestation services.';

export const VERIFIED_REASON =
  'The reply\'s exact bytes match the provider\'s signature, and the signing key is listed in a TEE attestation report bound to a nonce from this app.';

/** What was kept of one reply. */
export interface ReplyBytes {
  providerId: string;
  modelId: string;
  completionId: string | null;
  requestBody: Uint8Array | null;
  responseBytes: Uint8Array | null;
  /** The reply was over the size cap, so its bytes were not kept. */
  tooLarge: boolean;
}

export interface VerifyDeps {
  client: TeeClient;
  cache: ReportCache;
  now?: () => number;
  /** 32 random bytes as 64 lowercase hex (tests may fix it). */
  newNonce?: () => string;
  /** A signature may appear a moment after the stream ends: waits before each retry of a 404. */
  notFoundRetriesMs?: number[];
  /** Cuts the waits short on quit. */
  signal?: AbortSignal;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });
}

export function emptyEvidence(): VerificationEvidence {
  return {
    completionId: null, model: null, signedText: null, signature: null, signedModel: null, requestHash: null, responseHash: null,
    expectedRequestHash: null, expectedResponseHash: null, signer: null, signingAddress: null, signatureKind: null,
    nonce: null, requestNonce: null, attestedAddresses: [], reportData: null, expectedReportData: null, reportFetchedAt: null,
  };
}

export function result(status: VerificationStatus, reason: string, evidence: VerificationEvidence, checkedAt = Date.now()): VerificationResult {
  return { status, reason, checkedAt, evidence, notChecked: NOT_CHECKED };
}

export async function verifyReply(reply: ReplyBytes, deps: VerifyDeps): Promise<VerificationResult> {
  const now = deps.now ?? Date.now;
  const ev = emptyEvidence();
  ev.completionId = reply.completionId;
  ev.model = reply.modelId;
  const done = (status: VerificationStatus, reason: string) => result(status, reason, ev, now());

  if (reply.tooLarge) return done('not_verifiable', 'Not verifiable: reply too large to keep');
  if (!reply.completionId || !reply.requestBody || !reply.responseBytes || reply.responseBytes.length === 0) {
    return done('not_verifiable', 'The provider sent no streamed reply with a completion id, so there is nothing to look a signature up for');
  }
  ev.expectedRequestHash = sha256Hex(reply.requestBody);
  ev.expectedResponseHash = sha256Hex(reply.responseBytes);

  let sig: SignatureAnswer;
  try {
    sig = await fetchSignature(deps, reply.completionId, reply.modelId);
  } catch (err) {
    if (err instanceof TeeFetchError) return done('not_verifiable', `${err.message}. Try Verify again later.`);
    throw err;
  }
  if (sig.kind === 'not_found') return done('not_verifiable', 'The provider has no signature for this reply');
  if (sig.kind === 'unavailable') {
    return done(
      'not_verifiable',
      sig.code === 'STREAM_DISCONNECTED'
        ? 'The provider has no signature for this reply (the stream was disconnected)'
        : `The provider has no signature for this reply (${sig.code}${sig.message ? `: ${sig.message}` : ''})`,
    );
  }
  ev.signedText = sig.text;
  ev.signature = sig.signature;
  ev.signingAddress = sig.signingAddress.toLowerCase();
  ev.signatureKind = sig.signatureKind;

  const s = checkSignature(sig, { requestHash: ev.expectedRequestHash, responseHash: ev.expectedResponseHash });
  Object.assign(ev, { signedModel: s.signedModel, requestHash: s.requestHash, responseHash: s.responseHash, signer: s.signer });
  if (s.failure || !s.signer) return done('failed', s.failure ?? 'The signer could not be recovered');
  const signer = s.signer;

  const cached = deps.cache.get(reply.providerId, reply.modelId, signer, now());
  if (cached) {
    Object.assign(ev, reportEvidence(cached.check, cached.nonce, cached.fetchedAt));
    return done('verified', VERIFIED_REASON);
  }
  const nonce = deps.newNonce?.() ?? randomBytes(32).toString('hex');
  let report;
  try {
    report = await deps.client.report(reply.modelId, nonce, signer);
  } catch (err) {
    ev.nonce = nonce;
    if (err instanceof TeeFetchError) return done('not_verifiable', `${err.message}. Try Verify again later.`);
    throw err;
  }
  const fetchedAt = now();
  const a = checkAttestation(report, signer, sig.signatureKind, nonce);
  Object.assign(ev, reportEvidence(a, nonce, fetchedAt));
  if (a.failure) return done('failed', a.failure);
  deps.cache.put(reply.providerId, reply.modelId, signer, { nonce, fetchedAt, check: a });
  return done('verified', VERIFIED_REASON);
}

function reportEvidence(a: ReturnType<typeof checkAttestation>, nonce: string, fetchedAt: number): Partial<VerificationEvidence> {
  return {
    nonce,
    requestNonce: a.entry?.requestNonce ?? null,
    attestedAddresses: a.attestedAddresses,
    reportData: a.entry?.reportData ?? null,
    expectedReportData: a.expectedReportData,
    reportFetchedAt: fetchedAt,
  };
}

async function fetchSignature(deps: VerifyDeps, chatId: string, model: string): Promise<SignatureAnswer> {
  const waits = deps.notFoundRetriesMs ?? [];
  for (let i = 0; ; i++) {
    const answer = await deps.client.signature(chatId, model);
    if (answer.kind !== 'not_found' || i >= waits.length || deps.signal?.aborted) return answer;
    await sleep(waits[i]!, deps.signal);
  }
}
