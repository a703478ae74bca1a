// Building blocks for ModelInfo records, shared by the bundled catalog (shared/) and
// the live catalog normalisers (electron/core/providers/).
import type { ModelInfo } from '../domain';

export function modelInfo(provider: string, id: string, patch: Partial<ModelInfo> = {}): ModelInfo {
  return {
    provider,
    id,
    name: id,
    description: null,
    contextLength: null,
    maxOutput: null,
    pricing: { input: null, output: null, cachedInput: null },
    capabilities: { reasoning: false, vision: false, tools: false, structuredOutput: false, pdf: false },
    inputModalities: ['text'],
    privacy: 'standard',
    chat: true,
    thinking: 'none',
    supportedParameters: null,
    extra: {},
    source: 'live',
    ...patch,
  };
}

/** A positive whole token count, or null. */
export function tokenCount(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  // Under one token is no count at all (0.4 would round to 0, which no context can be).
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.round(n) : null;
}

export function stringList(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  return v.filter((s): s is string => typeof s === 'string').map((s) => s.trim()).filter(Boolean);
}

export function text(v: unknown, max = 2000): string | null {
  return typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null;
}

/** Feature words the providers use, mapped onto ModelInfo capabilities. */
export function capabilitiesFromFeatures(features: readonly string[], inputModalities: readonly string[]): ModelInfo['capabilities'] {
  const f = new Set(features.map((s) => s.toLowerCase()));
  const inputs = new Set(inputModalities.map((s) => s.toLowerCase()));
  return {
    reasoning: f.has('reasoning') || f.has('thinking'),
    vision: inputs.has('image') || f.has('vision'),
    tools: f.has('tools') || f.has('tool_calling') || f.has('function_calling'),
    structuredOutput: f.has('structured_outputs') || f.has('structured_output') || f.has('json_mode') || f.has('json_schema') || f.has('response_format'),
    pdf: inputs.has('file') || inputs.has('pdf') || f.has('pdf_upload'),
  };
}

/**
 * Whether a conversation can use the model. Image generators (no text output) and
 * OCR / embedding / reranker models answer in ways a chat cannot show, so the
 * picker labels them and does not offer them.
 */
export function isChatModel(id: string, outputModalities: readonly string[] | null): boolean {
  if (outputModalities && outputModalities.length > 0 && !outputModalities.map((s) => s.toLowerCase()).includes('text')) return false;
  return !/(^|[/\-_.])(ocr|embed|embedding|embeddings|rerank|reranker)([/\-_.]|$)|ocr-vl|paddleocr/i.test(id);
}

/** Sets a string fact for the details pane, skipping empties and keeping within the schema's limits. */
export function putExtra(extra: Record<string, string>, key: string, value: unknown): void {
  let v: string | null = null;
  if (typeof value === 'string') v = value.trim();
  else if (typeof value === 'number' && Number.isFinite(value)) v = String(value);
  else if (typeof value === 'boolean') v = value ? 'Yes' : 'No';
  else if (Array.isArray(value)) v = value.filter((s) => typeof s === 'string' || typeof s === 'number').join(', ');
  if (v) extra[key.slice(0, 100)] = v.slice(0, 2000);
}
