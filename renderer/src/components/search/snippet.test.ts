import { describe, expect, it } from 'vitest';
import { snippetParts } from './Snippet';

describe('snippetParts', () => {
  it('splits marked matches from plain text, keeping markup as text', () => {
    expect(snippetParts('…the \u0001lisbon\u0002 <b>trip</b> and \u0001tram\u0002')).toEqual([
      { text: '…the ', match: false },
      { text: 'lisbon', match: true },
      { text: ' <b>trip</b> and ', match: false },
      { text: 'tram', match: true },
    ]);
  });

  it('tolerates an unclosed or stray marker', () => {
    expect(snippetParts('a\u0001b')).toEqual([
      { text: 'a', match: false },
      { text: 'b', match: true },
    ]);
    expect(snippetParts('\u0002x')).toEqual([{ text: 'x', match: false }]);
  });
});
