import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppDownload, isAppUrl, isPermissionAllowed, isTrustedSender } from './origin-policy';

describe('isAppUrl', () => {
  it('accepts our origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://parley/')).toBe(true);
    expect(isAppUrl('app://parley/assets/x.js?v=1#a')).toBe(true);
  });
  it.each([
    'app://evil/index.html',
    'app://parley.evil/index.html',
    'app://parley:8080/',
    'app://user@parley/',
    'https://parley/',
    'file:///index.html',
    'http://localhost:5173/',
    'about:blank',
    'not a url',
    '',
  ])('rejects %s', (u) => expect(isAppUrl(u)).toBe(false));
  it('rejects null and undefined', () => {
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const main = { url: APP_ENTRY_URL };
  it('trusts the main frame on our origin', () => expect(isTrustedSender(main, main)).toBe(true));
  it('rejects another frame with the same URL (e.g. an iframe)', () =>
    expect(isTrustedSender({ url: APP_ENTRY_URL }, main)).toBe(false));
  it('rejects the main frame after it navigated away', () => {
    const navigated = { url: 'https://evil.example/' };
    expect(isTrustedSender(navigated, navigated)).toBe(false);
  });
  it('rejects missing frames', () => {
    expect(isTrustedSender(null, main)).toBe(false);
    expect(isTrustedSender(main, null)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('allows only sanitized clipboard writes from our page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('clipboard-read', APP_ENTRY_URL)).toBe(false);
    expect(isPermissionAllowed('media', APP_ENTRY_URL)).toBe(false);
    expect(isPermissionAllowed('notifications', APP_ENTRY_URL)).toBe(false);
  });
});

describe('isAppDownload', () => {
  it('allows only Blobs created by our own page', () => {
    expect(isAppDownload('blob:app://parley/4f1c0a2e-1111-4222-8333-944445555666')).toBe(true);
    expect(isAppDownload('blob:https://evil.example/4f1c0a2e')).toBe(false);
    expect(isAppDownload('blob:app://other/4f1c0a2e')).toBe(false);
    expect(isAppDownload('app://parley/index.html')).toBe(false);
    expect(isAppDownload('https://example.com/setup.exe')).toBe(false);
    expect(isAppDownload('data:application/octet-stream;base64,AAAA')).toBe(false);
    expect(isAppDownload('')).toBe(false);
    expect(isAppDownload(null)).toBe(false);
  });
});
