// Exact bytes per chat completion, for the later /v1/signature endpoint (signing not implemented yet).
import { createHash } from 'node:crypto';
import type { CompletionRecord } from './types';

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
