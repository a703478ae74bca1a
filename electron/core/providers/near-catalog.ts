// NEAR AI Cloud's two model lists merged into ModelInfo:
// - GET /models: OpenAI shape with prices (per 1M numbers and per-token strings),
//   modalities and feature words, but no privacy flags;
// - GET /model/list: paginated, nano-USD `{amount, scale}` prices and the TEE flags
//   (`providerType`, `verifiable`) that decide Private vs Anonymised.
// A model in only one list still appears.
import type { ModelInfo, Privacy } from '../../../shared/domain';
import { capabilitiesFromFeatures, isChatModel, modelInfo, putExtra, stringList, text, tokenCount } from '../../../shared/catalog/model-info';
import { perMillion, perTokenToPerMillion, scaledAmountToPerMillion } from '../../../shared/catalog/units';
import { nearFamilyReasons, nearThinkingMethod } from '../../../shared/catalog/thinking-methods';
import type { CatalogContext } from './adapter';
import { getJson } from './openai';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});

export const NEAR_PAGE_SIZE = 100;
/** A runaway `total` must not loop forever. */
const MAX_PAGES = 50;

/** TEE flags → privacy. No flags at all makes no claim. */
export function nearPrivacy(metadata: Obj | null): Privacy {
  if (!metadata) return 'standard';
  const type = typeof metadata.providerType === 'string' ? metadata.providerType.toLowerCase() : null;
  if (type === 'external') return 'anonymised';
  if (metadata.verifiable === true && (type === null || type === 'vllm' || type.includes('tee') || type.includes('attested'))) return 'private';
  return 'standard';
}

function countries(meta: Obj): string[] | null {
  for (const key of ['datacenterCountries', 'datacenter_countries', 'countries', 'datacenters', 'regions']) {
    const v = meta[key];
    if (typeof v === 'string' && v.trim()) return [v.trim()];
    const list = stringList(v);
    if (list && list.length) return list;
    if (Array.isArray(v)) {
      const named = v.map((d) => (isObj(d) ? (text(d.country) ?? text(d.name)) : null)).filter((s): s is string => !!s);
      if (named.length) return [...new Set(named)];
    }
  }
  return null;
}

function firstPrice(...candidates: (number | null)[]): number | null {
  for (const c of candidates) if (c !== null) return c;
  return null;
}

/** One model from either or both lists. */
export function normaliseNearModel(id: string, listed: Obj | null, tee: Obj | null): ModelInfo {
  const m = listed ?? {};
  const t = tee ?? {};
  const meta = obj(t.metadata);
  const arch = obj(meta.architecture);
  const pricing = obj(m.pricing);

  const inputModalities = stringList(m.input_modalities) ?? stringList(meta.inputModalities) ?? stringList(arch.inputModalities) ?? ['text'];
  const outputModalities = stringList(m.output_modalities) ?? stringList(meta.outputModalities) ?? stringList(arch.outputModalities);
  const featureLists = [stringList(m.supported_features), stringList(meta.supportedFeatures), stringList(meta.supported_features)].filter((l): l is string[] => l !== null);
  const features = [...new Set(featureLists.flat())];
  const caps = capabilitiesFromFeatures(features, inputModalities);
  // Without any feature words, fall back to what the family is known to do.
  if (featureLists.length === 0) caps.reasoning = nearFamilyReasons(id);

  const extra: Record<string, string> = {};
  putExtra(extra, 'quantization', m.quantization ?? meta.quantization);
  putExtra(extra, 'datacenterCountries', countries(meta) ?? countries(m));
  putExtra(extra, 'ownedBy', m.owned_by ?? meta.ownedBy);
  if (meta.attestationSupported === true) extra.attestation = 'TEE attestation available';
  if (meta.providerType !== undefined) putExtra(extra, 'providerType', meta.providerType);
  if (features.length) putExtra(extra, 'features', features);
  if (outputModalities) putExtra(extra, 'outputModalities', outputModalities);

  const chat = isChatModel(id, outputModalities);
  if (!chat) extra.kind = outputModalities?.includes('image') ? 'Image model (not for chat)' : 'Not a chat model';

  return modelInfo('near', id, {
    name: text(m.name, 300) ?? text(meta.modelDisplayName, 300) ?? id,
    description: text(m.description, 5000) ?? text(meta.modelDescription, 5000),
    contextLength: tokenCount(m.context_length) ?? tokenCount(meta.contextLength),
    maxOutput: tokenCount(m.max_output_length) ?? tokenCount(m.max_output_tokens) ?? tokenCount(meta.maxOutputLength),
    pricing: {
      // Per-1M numbers first, then per-token strings, then the nano-USD list.
      input: firstPrice(perMillion(pricing.input), perTokenToPerMillion(pricing.prompt), scaledAmountToPerMillion(t.inputCostPerToken)),
      output: firstPrice(perMillion(pricing.output), perTokenToPerMillion(pricing.completion), scaledAmountToPerMillion(t.outputCostPerToken)),
      cachedInput: firstPrice(
        perTokenToPerMillion(pricing.input_cache_read),
        scaledAmountToPerMillion(t.cacheReadCostPerToken),
        scaledAmountToPerMillion(t.cachedInputCostPerToken),
        scaledAmountToPerMillion(t.inputCacheReadCostPerToken),
      ),
    },
    capabilities: caps,
    inputModalities: inputModalities.slice(0, 20),
    privacy: nearPrivacy(tee ? meta : null),
    chat,
    thinking: caps.reasoning && chat ? nearThinkingMethod(id) : 'none',
    extra,
  });
}

/** Merges both lists; ids are matched exactly, then by a /model/list alias, then case-insensitively. */
export function mergeNearLists(openaiData: unknown[], teeModels: unknown[]): ModelInfo[] {
  const listed = new Map<string, Obj>();
  for (const m of openaiData) if (isObj(m) && typeof m.id === 'string' && m.id) listed.set(m.id, m);
  const lower = new Map([...listed.keys()].map((k) => [k.toLowerCase(), k]));

  const out: ModelInfo[] = [];
  const used = new Set<string>();
  for (const t of teeModels) {
    if (!isObj(t) || typeof t.modelId !== 'string' || !t.modelId) continue;
    const aliases = stringList(obj(t.metadata).aliases) ?? [];
    const match = [t.modelId, ...aliases].map((k) => (listed.has(k) ? k : lower.get(k.toLowerCase()))).find((k): k is string => !!k && !used.has(k));
    if (match) used.add(match);
    // The callable id is the one /models lists, when it lists it.
    const id = match ?? t.modelId;
    out.push(normaliseNearModel(id, match ? (listed.get(match) ?? null) : null, t));
  }
  for (const [id, m] of listed) if (!used.has(id)) out.push(normaliseNearModel(id, m, null));
  return out;
}

/** Every page of /model/list: limit/offset until `total` (or an empty page). */
export async function fetchNearModelList(ctx: CatalogContext, headers: Record<string, string>): Promise<unknown[]> {
  const all: unknown[] = [];
  for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
    const body = obj(await getJson(ctx, `${ctx.baseUrl}/model/list?limit=${NEAR_PAGE_SIZE}&offset=${offset}`, headers));
    const models = Array.isArray(body.models) ? body.models : [];
    all.push(...models);
    offset += models.length;
    const total = typeof body.total === 'number' ? body.total : null;
    if (models.length === 0 || total === null || offset >= total) break;
  }
  return all;
}

export async function fetchNearCatalog(ctx: CatalogContext, headers: Record<string, string>): Promise<ModelInfo[]> {
  const [listed, tee] = await Promise.all([getJson(ctx, `${ctx.baseUrl}/models`, headers), fetchNearModelList(ctx, headers)]);
  const data = obj(listed).data;
  return mergeNearLists(Array.isArray(data) ? data : [], tee);
}
