// How an attestation report binds a signing key to our request: its `report_data` (64 bytes)
// is the signing address zero-padded to 32 bytes (address bytes first, then zeros),
// followed by the 32-byte nonce we sent. [WIRE-FORMATS "TEE verification"; nearai-cloud-verifier]
import { strip0x } from './eip191';

/** Lowercase hex (no 0x) of the report_data that binds `address` (20 bytes) to `nonce` (32 bytes). */
export function expectedReportData(address: string, nonce: string): string {
  const addr = strip0x(address).toLowerCase();
  const n = strip0x(nonce).toLowerCase();
  if (!/^[0-9a-f]{40}$/.test(addr)) throw new Error('The signing address is not 20 bytes of hex');
  if (!/^[0-9a-f]{64}$/.test(n)) throw new Error('The nonce is not 32 bytes of hex');
  return addr.padEnd(64, '0') + n;
}
