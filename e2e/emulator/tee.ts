// NEAR AI Cloud's TEE verification, emulated: each completed chat completion of a Private
// (vllm) model is signed with a test secp256k1 key (EIP-191 personal_sign over
// "MODEL:sha256(request):sha256(response)"), and attestation reports list that key.
// Tampering switches let tests make each check fail on purpose.
import { createHash, randomBytes } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { findModel } from './models';
import type { NearModel } from './models/near';
import type { CompletionRecord, TeeTamper } from './types';

export const sha256Hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function responseBytes(rec: CompletionRecord): Buffer {
  return Buffer.concat(rec.responseChunks);
}

/** What a signer needs: hex SHA-256 of the exact request body and of the exact response bytes. */
export function completionSummary(rec: CompletionRecord) {
  const resp = responseBytes(rec);
  return {
    id: rec.id,
    provider: rec.provider,
    model: rec.model,
    servedModel: rec.servedModel,
    requestSha256: sha256Hex(rec.requestBody),
    responseSha256: sha256Hex(resp),
    requestBytes: rec.requestBody.length,
    responseBytes: resp.length,
    complete: rec.complete,
    clientDisconnected: rec.clientDisconnected,
  };
}

/** A test signing key: secret key and its Ethereum address. */
interface TestKey {
  secretKey: Uint8Array;
  address: string;
}

function newKey(): TestKey {
  const secretKey = secp256k1.utils.randomSecretKey();
  const pub = secp256k1.getPublicKey(secretKey, false);
  return { secretKey, address: `0x${bytesToHex(keccak_256(pub.subarray(1)).subarray(12))}` };
}

/** Ethereum personal_sign: 65 bytes r||s||v (v = 27/28) as 0x-hex. */
function personalSign(text: string, key: TestKey): string {
  const msg = utf8ToBytes(text);
  const hash = keccak_256(concatBytes(utf8ToBytes(`\x19Ethereum Signed Message:\n${msg.length}`), msg));
  const rec = secp256k1.sign(hash, key.secretKey, { prehash: false, format: 'recovered' });
  return `0x${bytesToHex(concatBytes(rec.subarray(1), Uint8Array.of(27 + rec[0]!)))}`;
}

/** Signing address zero-padded to 32 bytes, then the 32-byte nonce (hex, no 0x). */
function reportData(address: string, nonce: string): string {
  return address.slice(2).toLowerCase().padEnd(64, '0') + nonce.toLowerCase();
}

const notFound = (message: string) => ({ status: 404, body: { error: { message, type: 'not_found_error' } } });
const isPrivate = (model: string) => (findModel('near', model) as NearModel | undefined)?.providerType === 'vllm';

export interface TeeAnswer {
  status: number;
  body: unknown;
}

export class TeeEmulator {
  /** The model TEE's key (listed in model_attestations) and the gateway's (gateway_attestation). */
  readonly modelKey = newKey();
  readonly gatewayKey = newKey();
  /** A key no report lists, for the "signer not attested" tamper. */
  readonly foreignKey = newKey();
  tamper: TeeTamper = {};

  constructor(private readonly completions: Map<string, CompletionRecord>) {}

  addresses() {
    return { model: this.modelKey.address, gateway: this.gatewayKey.address, foreign: this.foreignKey.address };
  }

  reset(): void {
    this.tamper = {};
  }

  /** GET /v1/signature/{chat_id}?model=…&signing_algo=ecdsa */
  signature(chatId: string): TeeAnswer {
    const t = this.tamper;
    const rec = this.completions.get(chatId);
    if (t.signatureNotFound || !rec || rec.provider !== 'near' || !isPrivate(rec.model)) return notFound(`Signature not found for chat ${chatId}`);
    if (rec.clientDisconnected) {
      return { status: 200, body: { error_code: 'STREAM_DISCONNECTED', message: 'The client disconnected before the stream completed, so the response was not signed.' } };
    }
    // Not finished yet: the real service has nothing stored either.
    if (!rec.complete) return notFound(`Signature not found for chat ${chatId}`);
    let request = rec.requestBody;
    if (t.requestBody) request = Buffer.concat([request, Buffer.from(' ')]);
    let response = responseBytes(rec);
    if (t.responseByte) {
      response = Buffer.from(response);
      const i = Math.floor(response.length / 2);
      response[i] = response[i]! ^ 0x01;
    }
    const kind = t.signatureKind ?? 'provider_tee';
    const hashes = `${sha256Hex(request)}:${sha256Hex(response)}`;
    const text = t.twoPart || kind === 'gateway' ? hashes : `${rec.model}:${hashes}`;
    const key = t.foreignKey ? this.foreignKey : kind === 'gateway' ? this.gatewayKey : this.modelKey;
    return { status: 200, body: { text, signature: personalSign(text, key), signing_address: key.address, signing_algo: 'ecdsa', signature_kind: kind } };
  }

  /** GET /v1/attestation/report?model=…&signing_algo=ecdsa&nonce=…[&signing_address=…] */
  report(query: Record<string, string>): TeeAnswer {
    const nonce = query.nonce ?? '';
    if (!/^[0-9a-fA-F]{64}$/.test(nonce)) {
      return { status: 400, body: { error: { message: 'nonce must be 32 bytes of hex (64 characters)', type: 'invalid_request_error', param: 'nonce' } } };
    }
    const model = query.model ?? '';
    if (model && !isPrivate(model)) return notFound(`No attestation for model ${model}`);
    // A stale report answers some earlier nonce, not the one asked for.
    const n = this.tamper.staleNonce ? randomBytes(32).toString('hex') : nonce.toLowerCase();
    const quote = (addr: string) => ({
      signing_address: addr,
      signing_algo: 'ecdsa',
      intel_quote: `emulated-tdx-quote-${randomBytes(16).toString('hex')}`,
      event_log: '[]',
      report_data: reportData(addr, n),
      request_nonce: n,
      info: { app_name: 'parley-emulator', tcb_info: '{}' },
    });
    return {
      status: 200,
      body: {
        gateway_attestation: quote(this.gatewayKey.address),
        model_attestations: [
          {
            ...quote(this.modelKey.address),
            model_name: model,
            nvidia_payload: JSON.stringify({ nonce: n, evidence_list: [{ certificate: 'emulated-certificate', evidence: 'emulated-evidence', arch: 'HOPPER' }], arch: 'HOPPER' }),
          },
        ],
      },
    };
  }
}
