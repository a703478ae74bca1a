// Separates inline <think>…</think> (raw vLLM without a reasoning parser) from the
// answer. Only a block at the very start of the content counts; tags may arrive split
// across chunks at any character, so undecided text is held back until it is decided.
const OPEN = '<think>';
const CLOSE = '</think>';

export interface Split {
  content: string;
  reasoning: string;
}

type State = 'start' | 'thinking' | 'answer';

export class ThinkSplitter {
  private state: State = 'start';
  private held = '';

  push(text: string): Split {
    let content = '';
    let reasoning = '';
    let buf = this.held + text;
    this.held = '';
    while (buf.length > 0) {
      if (this.state === 'answer') {
        content += buf;
        buf = '';
      } else if (this.state === 'start') {
        const trimmed = buf.replace(/^\s+/, '');
        if (trimmed.length === 0) {
          this.held = buf;
          buf = '';
        } else if (trimmed.startsWith(OPEN)) {
          this.state = 'thinking';
          buf = trimmed.slice(OPEN.length);
        } else if (OPEN.startsWith(trimmed)) {
          this.held = buf; // could still become <think>
          buf = '';
        } else {
          this.state = 'answer';
        }
      } else {
        const end = buf.indexOf(CLOSE);
        if (end >= 0) {
          reasoning += buf.slice(0, end);
          buf = buf.slice(end + CLOSE.length).replace(/^\s+/, '');
          this.state = 'answer';
        } else {
          const keep = partialSuffix(buf, CLOSE);
          reasoning += buf.slice(0, buf.length - keep);
          this.held = buf.slice(buf.length - keep);
          buf = '';
        }
      }
    }
    return { content, reasoning };
  }

  /** End of stream: whatever was held back is what it looked like. */
  flush(): Split {
    const held = this.held;
    this.held = '';
    if (this.state === 'thinking') return { content: '', reasoning: held };
    return { content: held, reasoning: '' };
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialSuffix(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (tag.startsWith(text.slice(text.length - n))) return n;
  }
  return 0;
}
