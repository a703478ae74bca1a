// How each model family is asked to think, where the provider documents it
// (shared/providers/WIRE-FORMATS.md and NEAR's model page).
import type { ModelInfo } from '../domain';

export type ThinkingMethod = ModelInfo['thinking'];

/**
 * NEAR AI Cloud serves open models through vLLM chat templates:
 * DeepSeek V3.1 reads `thinking` (off by default), GLM and Qwen 3.x read
 * `enable_thinking` (on by default), gpt-oss takes `reasoning_effort`.
 * Third-party (anonymised) routes document no switch: 'none'.
 */
export function nearThinkingMethod(id: string): ThinkingMethod {
  const s = id.toLowerCase();
  if (/deepseek-v3\.1/.test(s)) return 'template-thinking';
  if (/gpt-oss/.test(s)) return 'effort';
  if (/(^|\/)(glm-|zai-org\/|z-ai\/)/.test(s) || /qwen3/.test(s)) return 'template-enable-thinking';
  return 'none';
}

/** Open-weight families NEAR runs that think, used when a list publishes no feature words. */
export function nearFamilyReasons(id: string): boolean {
  const s = id.toLowerCase();
  if (/instruct-2507|-instruct$/.test(s)) return false; // Qwen3 "Instruct-2507" is the non-thinking release.
  return /deepseek-v3\.1|gpt-oss|glm-(4\.[5-9]|[5-9])|qwen3\.[5-9]|qwen3-.*thinking/.test(s);
}

/** Models whose chat template turns thinking on unless told otherwise. */
export function thinksByDefault(method: ThinkingMethod): boolean {
  return method === 'template-enable-thinking' || method === 'effort';
}

/** NanoGPT offers thinking as a separate model id with this suffix. */
export const NANOGPT_THINKING_SUFFIX = ':thinking';
