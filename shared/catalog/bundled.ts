// The providers' published model pages, bundled so the picker works before a key is set or offline.
import type { ModelInfo } from '../domain';
import { BUNDLED_LLMBASE } from './bundled-llmbase';
import { BUNDLED_NANOGPT } from './bundled-nanogpt';
import { BUNDLED_NEAR } from './bundled-near';

/** Date of the model pages this list was taken from (the pages state none). */
export const BUNDLED_AS_OF = '2026-11-01';
export const BUNDLED_MODELS: ModelInfo[] = [...BUNDLED_NEAR, ...BUNDLED_LLMBASE, ...BUNDLED_NANOGPT];
