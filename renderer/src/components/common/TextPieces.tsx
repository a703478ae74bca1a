// A long plain text laid out in pieces. One text node of a megabyte takes the browser half a
// second to lay out, and it is laid out again whole each time it grows; in pieces (blocks of
// about PIECE_CHARS, cut at whitespace) appending re-lays out only the last piece, and pieces
// away from the screen are skipped altogether (content-visibility, text-pieces.css).
import { memo, useMemo } from 'react';
import '../../styles/text-pieces.css';

export const PIECE_CHARS = 10_000;

/** Cuts `text` at line breaks or spaces into pieces of about PIECE_CHARS; appending never moves an earlier cut. */
export function textPieces(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (text.length - start > PIECE_CHARS) {
    let end = start + PIECE_CHARS;
    // At a line break if the piece's second half has one (then the cut does not show), else
    // at a space. Searched within that half only: lastIndexOf alone would scan back to the start.
    const window = text.slice(start + PIECE_CHARS / 2, end);
    const line = window.lastIndexOf('\n');
    const cut = line >= 0 ? line : window.lastIndexOf(' ');
    if (cut >= 0) end = start + PIECE_CHARS / 2 + cut + 1;
    out.push(text.slice(start, end));
    start = end;
  }
  out.push(text.slice(start));
  return out;
}

/** `text` as it is (the parent sets white-space); past PIECE_CHARS, as block pieces. */
export const TextPieces = memo(function TextPieces({ text }: { text: string }) {
  const pieces = useMemo(() => textPieces(text), [text]);
  if (pieces.length === 1) return <>{text}</>;
  return (
    <>
      {pieces.map((p, i) => (
        <div key={i} className="text-piece">
          {p}
        </div>
      ))}
    </>
  );
});
