// HTTP to NEAR AI Cloud's verification endpoints: the per-reply signature and the
// attestation report. Answers are parsed defensively into small typed shapes; nothing
// here decides whether a reply is genuine (see checks.ts and verify-reply.ts).

export type SignatureAnswer =
  | { kind: 'found'; text: string; signature: string; signingAddress: string; signingAlgo: string | null; signatureKind: string | null }
  | { kind: 'not_found' }
  /** The provider answered `{"error_code": …}`: no signature exists (STREAM_DISCONNECTED after an early disconnect). */
  | { kind: 'unavailable'; code: string; message: string };

export interface AttestationEntry {
  signingAddress: string;
  signingAlgo: string | null;
  requestNonce: string | null;
  reportData: string | null;
}

export interface AttestationReport {
  gateway: AttestationEntry | null;
  models: AttestationEntry[];
}

/** What the verifier needs from the provider (an interface, so unit tests can answer directly). */
export interface TeeClient {
  signature(chatId: string, model: string): Promise<SignatureAnswer>;
  report(model: string, nonce: string, signingAddress: string): Promise<AttestationReport>;
}

/** A failure to talk to the provider (network, auth, server error): the reply was not judged. */
export class TeeFetchError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function entry(v: unknown): AttestationEntry | null {
  if (!isObj(v)) return null;
  const signingAddress = str(v.signing_address);
  if (!signingAddress) return null;
  return { signingAddress, signingAlgo: str(v.signing_algo), requestNonce: str(v.request_nonce), reportData: str(v.report_data) };
}

export function parseSignatureAnswer(status: number, body: unknown): SignatureAnswer | null {
  if (status === 404) return { kind: 'not_found' };
  if (!isObj(body)) return null;
  const code = str(body.error_code);
  if (code) return { kind: 'unavailable', code, message: str(body.message) ?? '' };
  if (status !== 200) return null;
  const text = str(body.text);
  const signature = str(body.signature);
  const signingAddress = str(body.signing_address);
  if (!text || !signature || !signingAddress) return null;
  return { kind: 'found', text, signature, signingAddress, signingAlgo: str(body.signing_algo), signatureKind: str(body.signature_kind) };
}

export function parseAttestationReport(body: unknown): AttestationReport | null {
  if (!isObj(body)) return null;
  const models = Array.isArray(body.model_attestations) ? body.model_attestations.map(entry).filter((e): e is AttestationEntry => !!e) : [];
  const gateway = entry(body.gateway_attestation);
  if (!gateway && models.length === 0) return null;
  return { gateway, models };
}

export interface NearTeeClientOptions {
  /** The provider's API base, e.g. https://cloud-api.near.ai/v1. */
  baseUrl: string;
  key: string | null;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export class NearTeeClient implements TeeClient {
  constructor(private readonly opts: NearTeeClientOptions) {}

  async signature(chatId: string, model: string): Promise<SignatureAnswer> {
    const q = new URLSearchParams({ model, signing_algo: 'ecdsa' });
    const { status, body } = await this.get(`/signature/${encodeURIComponent(chatId)}?${q}`, 'the reply signature');
    const answer = parseSignatureAnswer(status, body);
    if (!answer) throw new TeeFetchError(status === 200 ? 'The provider sent a signature answer this app does not understand' : `The provider answered HTTP ${status} when asked for the reply signature`);
    return answer;
  }

  async report(model: string, nonce: string, signingAddress: string): Promise<AttestationReport> {
    const q = new URLSearchParams({ model, signing_algo: 'ecdsa', nonce, signing_address: signingAddress });
    const { status, body } = await this.get(`/attestation/report?${q}`, 'the attestation report');
    if (status !== 200) throw new TeeFetchError(`The provider answered HTTP ${status} when asked for the attestation report`);
    const report = parseAttestationReport(body);
    if (!report) throw new TeeFetchError('The provider sent an attestation report with no signing keys in it');
    return report;
  }

  private async get(pathAndQuery: string, what: string): Promise<{ status: number; body: unknown }> {
    const url = `${this.opts.baseUrl.replace(/\/+$/, '')}${pathAndQuery}`;
    const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 30_000);
    const signal = this.opts.signal ? AbortSignal.any([this.opts.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await (this.opts.fetch ?? fetch)(url, {
        headers: { accept: 'application/json', ...(this.opts.key ? { authorization: `Bearer ${this.opts.key}` } : {}) },
        signal,
        // Never follow a redirect: the key must stay with the configured provider.
        redirect: 'manual',
      });
    } catch (err) {
      // Only the error's own message (never the request, which holds the key).
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      throw new TeeFetchError(`Could not reach the provider for ${what}: ${(err as Error).name === 'TimeoutError' ? 'timed out' : (cause ?? (err as Error).message)}`);
    }
    const text = await res.text().catch(() => '');
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: res.status, body };
  }
}
