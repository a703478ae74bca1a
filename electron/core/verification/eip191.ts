// Ethereum personal_sign (EIP-191) signer recovery, as NEAR AI Cloud's TEEs sign replies.
// All curve and hash work is @noble's; this file only frames the message and the address.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** keccak256("\x19Ethereum Signed Message:\n" + byte length + text). */
export function personalMessageHash(text: string): Uint8Array {
  const message = utf8ToBytes(text);
  return keccak_256(concatBytes(utf8ToBytes(`\x19Ethereum Signed Message:\n${message.length}`), message));
}

/** Ethereum address (0x + 40 lowercase hex) of an uncompressed or compressed secp256k1 public key. */
export function addressOfPublicKey(publicKey: Uint8Array): string {
  const uncompressed = secp256k1.Point.fromBytes(publicKey).toBytes(false);
  // keccak256 of the 64-byte X||Y (without the 0x04 prefix); the address is its last 20 bytes.
  return `0x${bytesToHex(keccak_256(uncompressed.subarray(1)).subarray(12))}`;
}

export function strip0x(hex: string): string {
  return hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex;
}

export function isHex(text: string, bytes?: number): boolean {
  const h = strip0x(text);
  return /^[0-9a-fA-F]*$/.test(h) && h.length % 2 === 0 && (bytes === undefined ? h.length > 0 : h.length === bytes * 2);
}

/**
 * The address that signed `text` with personal_sign. `signature` is 65 bytes r||s||v in hex,
 * v = 27/28 (or 0/1). Throws with a plain message when the signature cannot be decoded.
 */
export function recoverPersonalSigner(text: string, signature: string): string {
  if (!isHex(signature, 65)) throw new Error('The signature is not 65 bytes of hex');
  const sig = hexToBytes(strip0x(signature));
  const v = sig[64]!;
  const recovery = v >= 27 ? v - 27 : v;
  if (recovery !== 0 && recovery !== 1) throw new Error(`The signature has an unknown recovery byte (${v})`);
  // noble's "recovered" layout puts the recovery bit first: v || r || s.
  const parsed = secp256k1.Signature.fromBytes(concatBytes(Uint8Array.of(recovery), sig.subarray(0, 64)), 'recovered');
  const point = parsed.recoverPublicKey(personalMessageHash(text));
  return addressOfPublicKey(point.toBytes(false));
}

/** personal_sign with a secret key: 65-byte r||s||v hex with v = 27/28 (used by tests). */
export function signPersonal(text: string, secretKey: Uint8Array): string {
  const rec = secp256k1.sign(personalMessageHash(text), secretKey, { prehash: false, format: 'recovered' });
  return `0x${bytesToHex(concatBytes(rec.subarray(1), Uint8Array.of(27 + rec[0]!)))}`;
}
