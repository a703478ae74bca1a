import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveAppRequest } from './protocol-policy';

const root = path.resolve('/srv/parley/dist/renderer');
const file = (rel: string) => ({ ok: true, filePath: path.join(root, rel) });

describe('resolveAppRequest', () => {
  it('serves index.html for the root and for directories', () => {
    expect(resolveAppRequest('app://parley/', root)).toEqual(file('index.html'));
    expect(resolveAppRequest('app://parley', root)).toEqual(file('index.html'));
    expect(resolveAppRequest('app://parley/assets/', root)).toEqual(file('assets/index.html'));
  });
  it('serves files, ignoring query and hash, decoding escapes', () => {
    expect(resolveAppRequest('app://parley/assets/index-abc.js?x=1#y', root)).toEqual(file('assets/index-abc.js'));
    expect(resolveAppRequest('app://parley/fonts/KaTeX%20Main.woff2', root)).toEqual(file('fonts/KaTeX Main.woff2'));
  });
  it.each([
    'app://parley/../../etc/passwd',
    'app://parley/%2e%2e/%2e%2e/etc/passwd',
    'app://parley/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://parley/%2F%2Fetc/passwd',
  ])('keeps %s inside the root', (u) => {
    const r = resolveAppRequest(u, root);
    if (r.ok) expect(path.relative(root, r.filePath).startsWith('..')).toBe(false);
  });
  it('rejects backslashes, NUL bytes and malformed escapes', () => {
    expect(resolveAppRequest('app://parley/..%5C..%5Cwindows%5Cwin.ini', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppRequest('app://parley/index.html%00.png', root)).toEqual({ ok: false, status: 400 });
    expect(resolveAppRequest('app://parley/%E0%A4%A', root)).toEqual({ ok: false, status: 400 });
  });
  it('rejects other hosts and schemes', () => {
    expect(resolveAppRequest('app://other/index.html', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppRequest('file:///srv/parley/dist/renderer/index.html', root)).toEqual({ ok: false, status: 404 });
    expect(resolveAppRequest('not a url', root)).toEqual({ ok: false, status: 400 });
  });
});

describe('headers', () => {
  it('types common assets', () => {
    expect(contentTypeFor('/a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/a/x.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/a/x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/a/x.unknown')).toBe('application/octet-stream');
  });
  it('has a strict CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});
