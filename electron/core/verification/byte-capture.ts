// Collects a reply's raw response bytes up to a cap; past the cap it lets go of them
// (verification then says the reply was too large to keep) instead of growing without bound.
export const MAX_EVIDENCE_BYTES = 16 * 1024 * 1024;

export class ByteCapture {
  private parts: Uint8Array[] = [];
  private size = 0;
  tooLarge = false;

  constructor(private readonly maxBytes = MAX_EVIDENCE_BYTES) {}

  push(bytes: Uint8Array): void {
    if (this.tooLarge) return;
    this.size += bytes.length;
    if (this.size > this.maxBytes) {
      this.tooLarge = true;
      this.parts = [];
      return;
    }
    // Copy (not slice: on a Buffer that is a view): a stream reader may reuse its buffer.
    this.parts.push(new Uint8Array(bytes));
  }

  bytes(): Uint8Array {
    return Buffer.concat(this.parts);
  }
}
