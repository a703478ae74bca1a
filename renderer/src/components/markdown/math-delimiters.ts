/**
 * Models write display math as `$$…$$` on one line, `\[…\]` or `\(…\)`; remark-math
 * only treats `$$` on its own lines as display math and knows neither bracket form.
 * Rewrite those outside code so they render the way the model meant.
 */
export function normaliseMath(text: string): string {
  if (!text.includes('$$') && !text.includes('\\[') && !text.includes('\\(')) return text;
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const open = /^(`{3,}|~{3,})/.exec(trimmed);
    if (fence) {
      if (trimmed.startsWith(fence) && trimmed.slice(fence.length).trim() === '') fence = null;
      out.push(line);
      continue;
    }
    if (open) {
      fence = open[1]!;
      out.push(line);
      continue;
    }
    const oneLine = /^\$\$(.+)\$\$$/.exec(trimmed) ?? /^\\\[(.+)\\\]$/.exec(trimmed);
    if (oneLine) {
      out.push('$$', oneLine[1]!.trim(), '$$');
    } else if (trimmed === '\\[' || trimmed === '\\]') {
      out.push('$$');
    } else {
      out.push(inlineParens(line));
    }
  }
  return out.join('\n');
}

function inlineParens(line: string): string {
  if (!line.includes('\\(')) return line;
  // Leave inline code spans (odd segments between backticks) untouched.
  return line
    .split('`')
    .map((seg, i) => (i % 2 === 0 ? seg.replace(/\\\((.+?)\\\)/g, (_, m: string) => `$${m}$`) : seg))
    .join('`');
}
