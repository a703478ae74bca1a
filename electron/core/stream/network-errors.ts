// A failed connection in words a user can act on. Node's fetch says "fetch failed" or
// "terminated" and puts the reason in `cause` as a code; the code stays in brackets for
// whoever helps them.

const WORDS: Record<string, string> = {
  ECONNREFUSED: 'nothing answered at that address',
  ENOTFOUND: 'its host name was not found',
  EAI_AGAIN: 'its host name could not be looked up',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached from this network',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_SOCKET: 'the connection was closed',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is not from a trusted authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

/** What went wrong with the connection, e.g. "the connection was reset (ECONNRESET)". */
export function describeNetworkError(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } } | null;
  const code = e?.cause?.code;
  if (code && WORDS[code]) return `${WORDS[code]} (${code})`;
  const detail = e?.cause?.message ?? code;
  if (detail === 'bad port') return 'the port in the base URL is one browsers and Node refuse to use';
  if (e?.message === 'terminated') return code ? `the connection was closed (${code})` : 'the connection was closed';
  return [e?.message ?? String(err), detail].filter(Boolean).join(': ');
}
