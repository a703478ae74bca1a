// LLMBase's metadata list (`/models?metadata=true`) into ModelInfo. Capabilities are
// enforced server-side, so supported_parameters / supported_features are kept exactly:
// the request builder sends nothing a model does not advertise.
import type { ModelInfo } from '../../../shared/domain';
import { capabilitiesFromFeatures, isChatModel, modelInfo, putExtra, stringList, text, tokenCount } from '../../../shared/catalog/model-info';
import { llmbasePriceToPerMillion } from '../../../shared/catalog/units';
import type { CatalogContext } from './adapter';
import { getJson } from './openai';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

export function normaliseLlmbaseModel(m: Obj): ModelInfo {
  const id = m.id as string;
  const pricing = isObj(m.pricing) ? m.pricing : {};
  const inputModalities = stringList(m.input_modalities) ?? ['text'];
  const outputModalities = stringList(m.output_modalities);
  const features = stringList(m.supported_features) ?? [];
  const params = stringList(m.supported_parameters);
  const caps = capabilitiesFromFeatures(features, inputModalities);
  const chat = isChatModel(id, outputModalities);
  const extra: Record<string, string> = {};
  putExtra(extra, 'ownedBy', m.owned_by);
  if (features.length) putExtra(extra, 'features', features);
  if (outputModalities) putExtra(extra, 'outputModalities', outputModalities);
  if (!chat) extra.kind = /ocr/i.test(id) ? 'OCR model (not for chat)' : 'Not a chat model';
  return modelInfo('llmbase', id, {
    name: text(m.name, 300) ?? id,
    description: text(m.description, 5000),
    contextLength: tokenCount(m.context_length),
    maxOutput: tokenCount(m.max_output_length) ?? tokenCount(m.max_output_tokens),
    pricing: {
      input: llmbasePriceToPerMillion(pricing.prompt),
      output: llmbasePriceToPerMillion(pricing.completion),
      cachedInput: llmbasePriceToPerMillion(pricing.input_cache_read),
    },
    capabilities: caps,
    inputModalities: inputModalities.slice(0, 20),
    chat,
    thinking: !caps.reasoning || !chat ? 'none' : params?.includes('reasoning_effort') ? 'effort' : 'template-enable-thinking',
    supportedParameters: params ? params.slice(0, 100) : null,
    extra,
  });
}

export function normaliseLlmbaseCatalog(body: unknown): ModelInfo[] {
  const data = isObj(body) ? (body.data ?? body.models) : body;
  if (!Array.isArray(data)) return [];
  return data.filter((m): m is Obj => isObj(m) && typeof m.id === 'string' && m.id !== '').map(normaliseLlmbaseModel);
}

export async function fetchLlmbaseCatalog(ctx: CatalogContext, headers: Record<string, string>): Promise<ModelInfo[]> {
  return normaliseLlmbaseCatalog(await getJson(ctx, `${ctx.baseUrl}/models?metadata=true`, headers));
}
