// The checks that tie a reply to an attested TEE key, as pure functions over data already
// fetched: each returns null when it passes, or the failure in plain words.
import { recoverPersonalSigner, strip0x } from './eip191';
import type { AttestationEntry, AttestationReport } from './near-tee-client';
import { expectedReportData } from './report-data';
import { parseSignedText } from './signed-text';

export const REASONS = {
  badText: 'The signed text is not in a known form (MODEL:REQUEST_HASH:RESPONSE_HASH)',
  requestMismatch: 'The request bytes do not match the signed hash',
  responseMismatch: 'The response bytes do not match the signed hash',
  badSignature: 'The signature could not be decoded',
  wrongSigner: 'The signature was not made by the key the provider names',
  notAttested: 'The signer is not among the attested keys',
  staleNonce: 'The attestation is not bound to our nonce',
  reportData: 'The attestation report data does not bind the signing key and our nonce',
} as const;

const lower = (hex: string) => strip0x(hex).toLowerCase();
export const sameAddress = (a: string, b: string) => lower(a) === lower(b);

export interface SignatureCheck {
  failure: string | null;
  signedModel: string | null;
  requestHash: string | null;
  responseHash: string | null;
  signer: string | null;
}

/** Signed hashes against our own SHA-256 of the exact bytes, then the EIP-191 signer against the named address. */
export function checkSignature(sig: { text: string; signature: string; signingAddress: string }, expected: { requestHash: string; responseHash: string }): SignatureCheck {
  const parsed = parseSignedText(sig.text);
  const out: SignatureCheck = { failure: null, signedModel: parsed?.model ?? null, requestHash: parsed?.requestHash ?? null, responseHash: parsed?.responseHash ?? null, signer: null };
  if (!parsed) return { ...out, failure: REASONS.badText };
  if (parsed.requestHash !== expected.requestHash.toLowerCase()) return { ...out, failure: REASONS.requestMismatch };
  if (parsed.responseHash !== expected.responseHash.toLowerCase()) return { ...out, failure: REASONS.responseMismatch };
  try {
    out.signer = recoverPersonalSigner(sig.text, sig.signature);
  } catch (err) {
    return { ...out, failure: `${REASONS.badSignature}: ${(err as Error).message}` };
  }
  if (!sameAddress(out.signer, sig.signingAddress)) return { ...out, failure: `${REASONS.wrongSigner} (recovered ${out.signer}, named ${sig.signingAddress})` };
  return out;
}

export interface AttestationCheck {
  failure: string | null;
  attestedAddresses: string[];
  /** The entry that lists the signer, if any. */
  entry: AttestationEntry | null;
  expectedReportData: string | null;
}

/**
 * The signer must be an attested key (a model TEE's, or the gateway's for gateway signatures),
 * and that attestation must answer our nonce and bind signer + nonce in its report_data.
 */
export function checkAttestation(report: AttestationReport, signer: string, signatureKind: string | null, nonce: string): AttestationCheck {
  const pool = signatureKind === 'gateway' ? (report.gateway ? [report.gateway] : []) : report.models;
  const attestedAddresses = pool.map((e) => e.signingAddress.toLowerCase());
  const entry = pool.find((e) => sameAddress(e.signingAddress, signer)) ?? null;
  const out: AttestationCheck = { failure: null, attestedAddresses, entry, expectedReportData: null };
  if (!entry) return { ...out, failure: REASONS.notAttested };
  if (!entry.requestNonce || lower(entry.requestNonce) !== lower(nonce)) return { ...out, failure: REASONS.staleNonce };
  out.expectedReportData = expectedReportData(signer, nonce);
  if (!entry.reportData || lower(entry.reportData) !== out.expectedReportData) return { ...out, failure: REASONS.reportData };
  return out;
}
