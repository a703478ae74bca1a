/**
 * Splits Markdown at blank lines that are outside fenced code and $$ math, so a
 * streaming reply re-parses only its last block per token instead of the whole text.
 */
export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  const lines = text.split('\n');
  let current: string[] = [];
  let fence: string | null = null;
  let math = false;
  for (const line of lines) {
    const trimmed = line.trimStart();
    if (fence) {
      if (trimmed.startsWith(fence) && trimmed.slice(fence.length).trim() === '') fence = null;
    } else if (/^(`{3,}|~{3,})/.test(trimmed)) {
      fence = /^(`{3,}|~{3,})/.exec(trimmed)![1]!;
    } else if (trimmed.startsWith('$$')) {
      const rest = trimmed.slice(2);
      if (!(rest.includes('$$'))) math = !math;
    } else if (!math && trimmed === '' && current.length > 0) {
      // A blank line followed by indentation may continue a list item; keep those together.
      blocks.push(current.join('\n'));
      current = [];
      continue;
    }
    current.push(line);
  }
  if (current.length > 0) blocks.push(current.join('\n'));
  return blocks;
}
