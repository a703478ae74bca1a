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

export async function countTokens(text: string): Promise<number> {
  return (await loadTokenizer())(text);
}

/** Prompt tokens of a list of chat messages as sent. */
export async function countPromptTokens(messages: readonly { content: string }[]): Promise<number> {
  const count = await loadTokenizer();
  let n = REPLY_PRIMING;
  for (const m of messages) n += count(m.content) + PER_MESSAGE_OVERHEAD;
  return n;
}
