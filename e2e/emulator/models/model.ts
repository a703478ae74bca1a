// The emulator's own model record; each provider file renders it in that provider's catalog shape.
import type { PricesPerM } from '../tokens';

export interface EmuModel {
  id: string;
  name: string;
  ownedBy: string;
  description: string;
  contextLength: number | null;
  maxOutput: number | null;
  /** USD per 1M tokens; all null = no published price ("cost unknown"). */
  prices: PricesPerM;
  /** The model can stream reasoning when asked. */
  reasoning: boolean;
  inputModalities: string[];
  outputModalities: string[];
  /** Supported features in NEAR/LLMBase vocabulary: tools, json_mode, structured_outputs, reasoning, logprobs, vision. */
  features: string[];
  /** The chat template reasons unless told not to (GLM / gpt-oss style); otherwise only when asked. */
  thinksByDefault?: boolean;
  /** Served but left out of the model list (a generic server's model loaded on demand). */
  unlisted?: boolean;
}

export const CREATED = 1750000000;

export const NO_PRICE: PricesPerM = { input: null, output: null, cacheRead: null };

export function price(input: number, output: number, cacheRead: number | null = null): PricesPerM {
  return { input, output, cacheRead };
}

/** USD per token as a plain decimal string (no exponent), e.g. 0.15/M → "0.00000015". */
export function perToken(perM: number): string {
  return (perM / 1e6).toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
}
