// NanoGPT's text-model list (`/models?detailed=true&sort=mostused`) into ModelInfo:
// prices are already USD per 1M; `:thinking` variants fold into their base model;
// the list's order (global usage) becomes extra.popularRank; the subscription list
// marks models a subscription includes.
import type { ModelInfo } from '../../../shared/domain';
import { isChatModel, modelInfo, putExtra, stringList, text, tokenCount } from '../../../shared/catalog/model-info';
import { perMillion } from '../../../shared/catalog/units';
import { NANOGPT_THINKING_SUFFIX } from '../../../shared/catalog/thinking-methods';
import type { CatalogContext } from './adapter';
import { getJson } from './openai';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

export const SUBSCRIPTION_LABEL = 'Included in subscription';

/**
 * `https://nano-gpt.com/api/v1` → `https://nano-gpt.com/api/subscription/v1`
 * (also for an emulator base such as `http://127.0.0.1:P/nanogpt/api/v1`).
 * Null when the base does not end in /v1 and so has no known sibling.
 */
export function nanogptSubscriptionBase(base: string): string | null {
  const trimmed = base.replace(/\/+$/, '');
  return /\/v1$/.test(trimmed) ? trimmed.replace(/\/v1$/, '/subscription/v1') : null;
}

function dataOf(body: unknown): Obj[] {
  const data = isObj(body) ? body.data : Array.isArray(body) ? body : null;
  return Array.isArray(data) ? data.filter((m): m is Obj => isObj(m) && typeof m.id === 'string' && m.id !== '') : [];
}

function normaliseOne(m: Obj): ModelInfo {
  const id = m.id as string;
  const caps = isObj(m.capabilities) ? m.capabilities : {};
  const pricing = isObj(m.pricing) ? m.pricing : {};
  const vision = caps.vision === true;
  const pdf = caps.pdf_upload === true;
  const extra: Record<string, string> = {};
  putExtra(extra, 'category', m.category);
  const policy = isObj(m.distillationPolicy) ? m.distillationPolicy : null;
  if (policy) {
    putExtra(extra, 'distillationPolicy', policy.label ?? policy.status);
    putExtra(extra, 'distillationStatus', policy.status);
  }
  putExtra(extra, 'ownedBy', m.owned_by);
  if (typeof m.cost_estimate === 'string') putExtra(extra, 'costEstimate', m.cost_estimate);
  const outputs = stringList(m.output_modalities);
  const chat = isChatModel(id, outputs);
  if (!chat) extra.kind = 'Not a chat model';
  return modelInfo('nanogpt', id, {
    name: text(m.name, 300) ?? id,
    description: text(m.description, 5000),
    contextLength: tokenCount(m.context_length),
    maxOutput: tokenCount(m.max_output_tokens),
    pricing: {
      input: perMillion(pricing.prompt),
      output: perMillion(pricing.completion),
      // Not documented; read when present, in the list's unit (per 1M).
      cachedInput: perMillion(pricing.input_cache_read ?? pricing.cache_read ?? pricing.prompt_cached),
    },
    capabilities: {
      reasoning: caps.reasoning === true,
      vision,
      tools: caps.tool_calling === true,
      structuredOutput: caps.structured_output === true,
      pdf,
    },
    inputModalities: ['text', ...(vision ? ['image'] : []), ...(pdf ? ['file'] : [])],
    chat,
    extra,
  });
}

/**
 * `main` in its returned order (sort=mostused: most used first); `subscription` may be
 * null when that list could not be fetched (nothing is then marked).
 */
export function normaliseNanogptCatalog(main: unknown, subscription: unknown | null): ModelInfo[] {
  const entries = dataOf(main);
  const subEntries = subscription === null ? [] : dataOf(subscription);
  const subIds = new Set(subEntries.map((m) => m.id as string));
  const known = new Set(entries.map((m) => m.id as string));
  // A model only the subscription list shows is still callable.
  for (const m of subEntries) {
    if (known.has(m.id as string)) continue;
    entries.push(m);
    known.add(m.id as string);
  }

  const rank = new Map<string, number>();
  entries.forEach((m, i) => rank.set(m.id as string, i + 1));
  const variants = new Map<string, string>();
  for (const id of known) if (id.endsWith(NANOGPT_THINKING_SUFFIX) && known.has(id.slice(0, -NANOGPT_THINKING_SUFFIX.length))) variants.set(id.slice(0, -NANOGPT_THINKING_SUFFIX.length), id);
  const folded = new Set(variants.values());

  const out: ModelInfo[] = [];
  const order = new Map<ModelInfo, number>();
  for (const m of entries) {
    const id = m.id as string;
    if (folded.has(id)) continue;
    const model = normaliseOne(m);
    const variant = variants.get(id);
    let best = rank.get(id) ?? entries.length;
    if (variant) {
      model.thinking = 'model-suffix';
      model.capabilities.reasoning = true;
      model.extra.thinkingVariant = variant;
      best = Math.min(best, rank.get(variant) ?? best);
    } else if (id.endsWith(NANOGPT_THINKING_SUFFIX)) {
      // A variant whose base is not listed stays callable as itself; it always thinks.
      model.capabilities.reasoning = true;
    }
    if (subIds.has(id) || (variant && subIds.has(variant))) model.extra.subscription = SUBSCRIPTION_LABEL;
    order.set(model, best);
    out.push(model);
  }
  // Dense 1..n after folding, so "Popular" reads as a plain ranking.
  [...out].sort((a, b) => order.get(a)! - order.get(b)!).forEach((m, i) => (m.extra.popularRank = String(i + 1)));
  return out;
}

export async function fetchNanogptCatalog(ctx: CatalogContext, headers: Record<string, string>): Promise<ModelInfo[]> {
  const subBase = nanogptSubscriptionBase(ctx.baseUrl);
  const [main, sub] = await Promise.all([
    // detailed + mostused in one call: the order is the popularity, the details the rest.
    getJson(ctx, `${ctx.baseUrl}/models?detailed=true&sort=mostused`, headers),
    // The subscription marking is a nicety: its failure must not hide the catalog.
    subBase ? getJson(ctx, `${subBase}/models?detailed=true`, headers).catch(() => null) : Promise.resolve(null),
  ]);
  return normaliseNanogptCatalog(main, sub);
}
