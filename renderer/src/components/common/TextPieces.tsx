// A long plain text laid out in pieces. One text node of a megabyte takes the browser half a
// second to lay out, and it is laid out again whole each time it grows; in pieces (blocks of
// about PIECE_CHARS, cut at whitespace) appending re-lays out only the last piece, and pieces
// away from the screen are skipped altogether (content-visibility, text-pieces.css).
import { memo, useMemo, type CSSProperties } from 'react';
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

/** Characters on a wrapped line, roughly (a reply column at the app's font size). */
const LINE_CHARS = 90;

/** Lines a piece takes, roughly: the size it holds before it is first laid out (text-pieces.css). */
export function estimateLines(piece: string): number {
  let lines = 0;
  let start = 0;
  for (let end = piece.indexOf('\n'); ; end = piece.indexOf('\n', start)) {
    const len = (end === -1 ? piece.length : end) - start;
    lines += Math.max(1, Math.ceil(len / LINE_CHARS));
    if (end === -1) return lines;
    start = end + 1;
  }
}

/** One piece; memoised, so as a text grows only its last piece is estimated and rendered again. */
const Piece = memo(function Piece({ text }: { text: string }) {
  return (
    <div className="text-piece" style={{ '--lines': estimateLines(text) } as CSSProperties}>
      {text}
    </div>
  );
});

/** `text` as it is (the parent sets white-space); past PIECE_CHARS, as block pieces. */
export const TextPieces = memo(function TextPieces({ text }: { text: string }) {
  const pieces = useMemo(() => textPieces(text), [text]);
  if (pieces.length === 1) return <>{text}</>;
  return (
    <>
      {pieces.map((p, i) => (
        <Piece key={i} text={p} />
      ))}
    </>
  );
});
