// The text NEAR AI Cloud signs for a reply: `MODEL:REQ_HASH:RESP_HASH` (model-serving TEE)
// or `REQ_HASH:RESP_HASH` (gateway and older signatures).
export interface SignedText {
  /** Null in the two-part form. */
  model: string | null;
  requestHash: string;
  responseHash: string;
}

const HASH = /^[0-9a-fA-F]{64}$/;

/**
 * Splits from the right, because a model id may itself contain ':' (e.g. `org/model:tag`)
 * while the two hashes never do. Null when the text does not end in two SHA-256 hex hashes.
 */
export function parseSignedText(text: string): SignedText | null {
  const parts = text.split(':');
  if (parts.length < 2) return null;
  const responseHash = parts.pop()!;
  const requestHash = parts.pop()!;
  if (!HASH.test(requestHash) || !HASH.test(responseHash)) return null;
  const model = parts.length ? parts.join(':') : null;
  if (model === '') return null;
  return { model, requestHash: requestHash.toLowerCase(), responseHash: responseHash.toLowerCase() };
}
