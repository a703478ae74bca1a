import { describe, expect, it } from 'vitest';
import { ModelInfo } from '../domain';
import { BUNDLED_AS_OF, BUNDLED_MODELS } from './bundled';
import { PRIVACY_LABELS, privacyLabel, privacyTooltip } from './privacy';

const of = (provider: string) => BUNDLED_MODELS.filter((m) => m.provider === provider);
const find = (provider: string, id: string) => BUNDLED_MODELS.find((m) => m.provider === provider && m.id === id);

describe('bundled catalog', () => {
  it('every row is a valid ModelInfo marked bundled, with a date', () => {
    expect(BUNDLED_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const m of BUNDLED_MODELS) {
      expect(() => ModelInfo.parse(m)).not.toThrow();
      expect(m.source).toBe('bundled');
    }
    const keys = BUNDLED_MODELS.map((m) => `${m.provider}:${m.id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('holds every row of the three model pages', () => {
    expect(of('near')).toHaveLength(9);
    expect(of('llmbase')).toHaveLength(18);
    // 28 notable NanoGPT ids, 7 of them :thinking variants folded into their base.
    expect(of('nanogpt')).toHaveLength(21);
  });

  it('NEAR: prices, context and privacy per the table', () => {
    expect(find('near', 'deepseek-ai/DeepSeek-V3.1')).toMatchObject({
      pricing: { input: 1.05, output: 3.1, cachedInput: null },
      contextLength: 128_000,
      privacy: 'private',
      thinking: 'template-thinking',
      capabilities: { reasoning: true },
    });
    expect(find('near', 'anthropic/claude-sonnet-4-5')).toMatchObject({ privacy: 'anonymised', pricing: { input: 3, output: 15.5 } });
    expect(find('near', 'google/gemini-3-pro')).toMatchObject({ contextLength: 1_000_000, capabilities: { vision: true } });
    expect(find('near', 'zai-org/GLM-4.7')).toMatchObject({ thinking: 'template-enable-thinking', privacy: 'private' });
    expect(find('near', 'openai/gpt-oss-120b')).toMatchObject({ thinking: 'effort', pricing: { input: 0.15, output: 0.55 } });
    expect(find('near', 'black-forest-labs/FLUX.2-klein-4B')).toMatchObject({ chat: false, privacy: 'private' });
    expect(of('near').filter((m) => m.privacy === 'private')).toHaveLength(5);
  });

  it('LLMBase: per-1M prices, standard privacy, OCR not for chat', () => {
    expect(find('llmbase', 'deepseek/deepseek-v4-pro')).toMatchObject({ pricing: { input: 1.8, output: 3.6 }, contextLength: 1_048_576, capabilities: { reasoning: true } });
    expect(find('llmbase', 'paddlepaddle/paddleocr-vl-0.9b')).toMatchObject({ chat: false });
    expect(find('llmbase', 'google/gemma-4-26b-a4b-it')).toMatchObject({ capabilities: { vision: true, pdf: true } });
    expect(of('llmbase').every((m) => m.privacy === 'standard')).toBe(true);
  });

  it('NanoGPT: known prices from the detailed examples, null otherwise, thinking variants folded', () => {
    expect(find('nanogpt', 'openai/gpt-5.2')).toMatchObject({ pricing: { input: 2.5, output: 10 }, contextLength: 128_000, maxOutput: 16_384 });
    expect(find('nanogpt', 'anthropic/claude-opus-4.6')).toMatchObject({ pricing: { input: 15, output: 75 }, thinking: 'model-suffix', extra: { thinkingVariant: 'anthropic/claude-opus-4.6:thinking' } });
    expect(find('nanogpt', 'x-ai/grok-4.3')?.pricing).toEqual({ input: null, output: null, cachedInput: null });
    expect(find('nanogpt', 'deepseek/deepseek-v3.2')).toMatchObject({ thinking: 'model-suffix', capabilities: { reasoning: true } });
    expect(find('nanogpt', 'deepseek/deepseek-v3.2:thinking')).toBeUndefined();
    expect(find('nanogpt', 'nousresearch/hermes-4-70b')).toMatchObject({ thinking: 'none' });
    expect(BUNDLED_MODELS.some((m) => m.pricing.input === 0 || m.pricing.output === 0)).toBe(false);
  });
});

describe('privacy labels', () => {
  it('has a label and tooltip for each kind', () => {
    expect(privacyLabel('private')).toBe('Private');
    expect(privacyTooltip('private')).toMatch(/TEE/);
    expect(PRIVACY_LABELS.anonymised.label).toBe('Anonymised');
    expect(privacyTooltip('standard')).toBe('No special privacy guarantee');
  });
});
