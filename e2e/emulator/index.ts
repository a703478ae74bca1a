// Provider emulator for Parley's tests: NEAR AI Cloud, NanoGPT, LLMBase and a generic
// OpenAI-compatible server on one 127.0.0.1 port, scriptable per provider.
export { startEmulator } from './server';
export { EmulatorClient } from './client';
export type { CompletionRecord, Emulator, EmulatorInfo, EmulatorOptions, EmuProvider, ReasoningField, RecordedRequest, Step, StreamOptions, TeeTamper, UsageOverride } from './types';
export { PROVIDERS } from './types';
export { computeUsage, countTokens, messageText, nanoGptCost, promptTokens, type EmuUsage, type NanoGptPricing, type PricesPerM } from './tokens';
export { findModel, modelPrices, MODELS } from './models';
export { defaultContent, defaultReasoning } from './reply';
export { SPLIT_UTF8_TEXT } from './stream';
export { completionSummary, responseBytes, sha256Hex, TeeEmulator } from './tee';
