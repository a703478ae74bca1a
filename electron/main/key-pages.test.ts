// The renderer's first-run links (shared) and the adapters' key pages (core) must not drift.
import { describe, expect, it } from 'vitest';
import { KEY_PAGES } from '../../shared/provider-key-pages';
import { llmbaseAdapter } from '../core/providers/llmbase';
import { nanogptAdapter } from '../core/providers/nanogpt';
import { nearAdapter } from '../core/providers/near';
import { openaiAdapter } from '../core/providers/openai';
import { safeExternalUrl } from './external-policy';

describe('KEY_PAGES', () => {
  it('matches every adapter and passes the external-link check', () => {
    for (const a of [nearAdapter, nanogptAdapter, llmbaseAdapter, openaiAdapter]) {
      expect(KEY_PAGES[a.kind]).toBe(a.keyPageUrl);
      if (a.keyPageUrl) expect(safeExternalUrl(a.keyPageUrl)).not.toBeNull();
    }
  });
});
