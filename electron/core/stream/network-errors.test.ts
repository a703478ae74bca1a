import { describe, expect, it } from 'vitest';
import { describeNetworkError } from './network-errors';

/** What Node's fetch throws: a TypeError whose cause holds the system error. */
const fetchError = (message: string, cause?: { code?: string; message?: string }) => Object.assign(new TypeError(message), { cause });

describe('a failed connection, in words', () => {
  it('names common causes and keeps the code', () => {
    expect(describeNetworkError(fetchError('fetch failed', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' }))).toBe('nothing answered at that address (ECONNREFUSED)');
    expect(describeNetworkError(fetchError('terminated', { code: 'ECONNRESET', message: 'read ECONNRESET' }))).toBe('the connection was reset (ECONNRESET)');
    expect(describeNetworkError(fetchError('fetch failed', { code: 'ENOTFOUND' }))).toBe('its host name was not found (ENOTFOUND)');
    expect(describeNetworkError(fetchError('fetch failed', { code: 'CERT_HAS_EXPIRED' }))).toBe('its TLS certificate has expired (CERT_HAS_EXPIRED)');
  });

  it('says what a refused port means, and what a bare "terminated" is', () => {
    expect(describeNetworkError(fetchError('fetch failed', { message: 'bad port' }))).toBe('the port in the base URL is one browsers and Node refuse to use');
    expect(describeNetworkError(fetchError('terminated'))).toBe('the connection was closed');
  });

  it('keeps what it does not know as it was said', () => {
    expect(describeNetworkError(fetchError('fetch failed', { code: 'EWEIRD', message: 'something odd' }))).toBe('fetch failed: something odd');
    expect(describeNetworkError('plain')).toBe('plain');
  });
});
