/** Knows every secret main has seen and scrubs them from text that leaves the process. */
export class Redactor {
  private secrets = new Set<string>();

  add(secret: string): void {
    if (secret.length >= 4) this.secrets.add(secret);
  }

  /** Whether the text holds one of the registered secrets (not merely something key-shaped). */
  contains(text: string): boolean {
    for (const s of this.secrets) if (text.includes(s)) return true;
    return false;
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join('[redacted]');
    // Bearer tokens that were never registered (e.g. echoed by a provider) are masked too.
    return out.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/g, '$1[redacted]');
  }
}
