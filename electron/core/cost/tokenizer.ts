// Local token counting for replies the provider did not count (stream cut, provider silent,
// user stopped) and for estimates before sending. o200k_base (GPT-4o family) is a fair
// stand-in for today's models; figures made with it are always marked estimated.
// The encoding (~2 MB of ranks) loads on first use, not at app start.

type CountTokens = (text: string) => number;
let loading: Promise<CountTokens> | null = null;

export const TOKENIZER_NAME = 'o200k_base';

export function loadTokenizer(): Promise<CountTokens> {
  loading ??= import('gpt-tokenizer/encoding/o200k_base').then((m) => (text: string) => (text ? m.countTokens(text) : 0));
  return loading;
}

/** Tokens a chat format adds per message (role and separators) and to prime the reply (OpenAI's published rule of thumb). */
export const PER_MESSAGE_OVERHEAD = 3;
export const REPLY_PRIMING = 3;

/**
 * BPE merging is quadratic in the length of one unbroken word, so a long run without
 * whitespace (base64, a minified line) is counted in slices; the error is a token or so
 * per slice, and the figure is an estimate anyway.
 */
const MAX_RUN = 256;
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, 'g');

function countBounded(count: CountTokens, text: string): number {
  if (text.length <= MAX_RUN) return count(text);
  let n = 0;
  let last = 0;
  for (const m of text.matchAll(LONG_RUN)) {
    n += count(text.slice(last, m.index));
    for (let i = 0; i < m[0].length; i += MAX_RUN) n += count(m[0].slice(i, i + MAX_RUN));
    last = m.index + m[0].length;
  }
  return n + count(text.slice(last));
}

/** Text is counted in pieces of about this size, yielding to the event loop between them. */
const PIECE = 64 * 1024;
/** Lets timers and I/O (a stream's next chunk) run before more counting. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function countLarge(count: CountTokens, text: string): Promise<number> {
  if (text.length <= PIECE) return countBounded(count, text);
  let n = 0;
  for (let start = 0; start < text.length; ) {
    // Cut at whitespace near the piece size so words are not split (and counted twice).
    let end = Math.min(text.length, start + PIECE);
    const space = end < text.length ? text.lastIndexOf(' ', end) : -1;
    if (space > start + PIECE / 2) end = space;
    n += countBounded(count, text.slice(start, end));
    start = end;
    await yieldToLoop();
  }
  return n;
}

export async function countTokens(text: string): Promise<number> {
  return countLarge(await loadTokenizer(), text);
}

/** Prompt tokens of a list of chat messages as sent. */
export async function countPromptTokens(messages: readonly { content: string }[]): Promise<number> {
  const count = await loadTokenizer();
  let n = REPLY_PRIMING;
  for (const m of messages) n += (await countLarge(count, m.content)) + PER_MESSAGE_OVERHEAD;
  return n;
}
