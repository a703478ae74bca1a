import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './external-policy';

describe('safeExternalUrl', () => {
  it('passes http and https links, normalised', () => {
    expect(safeExternalUrl('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(safeExternalUrl('HTTP://Example.COM')).toBe('http://example.com/');
  });
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ms-msdt:/id',
    'vscode://x',
    'app://parley/index.html',
    'https://bank.example@evil.example/',
    'https://user:pass@example.com/',
    '//example.com',
    'example.com',
    ' ',
    '',
  ])('rejects %s', (u) => expect(safeExternalUrl(u)).toBeNull());
  it('rejects non-strings and huge strings', () => {
    expect(safeExternalUrl(undefined)).toBeNull();
    expect(safeExternalUrl({ href: 'https://example.com' })).toBeNull();
    expect(safeExternalUrl(`https://example.com/${'a'.repeat(9000)}`)).toBeNull();
  });
});
