// A search snippet: the backend wraps matches in \u0001 … \u0002. Each part becomes a
// text node (React escapes it) or a <mark>: the snippet's text is never parsed as HTML.
import { memo } from 'react';

export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  let text = '';
  for (const ch of snippet) {
    if (ch === '\u0001' || ch === '\u0002') {
      if (text) parts.push({ text, match });
      text = '';
      match = ch === '\u0001';
    } else text += ch;
  }
  if (text) parts.push({ text, match });
  return parts;
}

export const Snippet = memo(function Snippet({ text }: { text: string }) {
  return (
    <>
      {snippetParts(text).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
});
