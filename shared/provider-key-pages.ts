// Where a person gets an API key for each built-in provider kind, for the first-run screen.
// The adapters in electron/core/providers carry the same URLs (keyPageUrl); a test in
// electron/main/key-pages.test.ts keeps the two equal. Custom endpoints have no known page.
import type { ProviderKind } from './domain';

export const KEY_PAGES: Readonly<Record<ProviderKind, string | null>> = {
  near: 'https://cloud.near.ai',
  nanogpt: 'https://nano-gpt.com/api',
  llmbase: 'https://llmbase.ai',
  openai: null,
};
