// Model lookup across providers.
import type { PricesPerM } from '../tokens';
import type { EmuProvider } from '../types';
import { LLMBASE_MODELS } from './llmbase';
import type { EmuModel } from './model';
import { NANOGPT_MODELS } from './nanogpt';
import { NEAR_MODELS } from './near';
import { OPENAI_MODELS } from './openai';

export const MODELS: Record<EmuProvider, readonly EmuModel[]> = {
  near: NEAR_MODELS,
  nanogpt: NANOGPT_MODELS,
  llmbase: LLMBASE_MODELS,
  openai: OPENAI_MODELS,
};

/** NanoGPT's `:reasoning-exclude` suffix names the same model with reasoning stripped. */
export function findModel(provider: EmuProvider, id: string): EmuModel | undefined {
  const list = MODELS[provider];
  const bare = provider === 'nanogpt' ? id.replace(/:reasoning-exclude$/, '') : id;
  return list.find((x) => x.id === bare);
}

/** The emulator's prices for a model (USD per 1M tokens), for computing expected costs in tests. */
export function modelPrices(provider: EmuProvider, id: string): PricesPerM | null {
  return findModel(provider, id)?.prices ?? null;
}

export type { EmuModel } from './model';
