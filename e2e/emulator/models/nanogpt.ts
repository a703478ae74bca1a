// NanoGPT catalog (nanogpt-models-api.md): basic and detailed shapes, subscription/paid subsets, sorting.
import { CREATED, NO_PRICE, price, type EmuModel } from './model';

export interface NanoModel extends EmuModel {
  subscription: boolean;
  category: string;
  pdf: boolean;
}

const m = (p: Omit<NanoModel, 'outputModalities' | 'features' | 'pdf'> & { tools?: boolean; vision?: boolean; pdf?: boolean }): NanoModel => {
  const { tools = true, vision = false, ...rest } = p;
  return {
    outputModalities: ['text'],
    pdf: false,
    ...rest,
    features: [...(tools ? ['tools'] : []), ...(vision ? ['vision'] : []), ...(p.reasoning ? ['reasoning'] : []), 'structured_outputs'],
  };
};

export const NANOGPT_MODELS: NanoModel[] = [
  m({ id: 'deepseek/deepseek-v3.2', name: 'DeepSeek V3.2', ownedBy: 'deepseek', description: 'DeepSeek V3.2, non-thinking.', contextLength: 163840, maxOutput: 65536, prices: price(0.27, 0.41), reasoning: false, inputModalities: ['text'], subscription: true, category: 'flagship' }),
  m({ id: 'deepseek/deepseek-v3.2:thinking', name: 'DeepSeek V3.2 Thinking', ownedBy: 'deepseek', description: 'DeepSeek V3.2 with thinking.', contextLength: 163840, maxOutput: 65536, prices: price(0.27, 0.41), reasoning: true, inputModalities: ['text'], subscription: true, category: 'reasoning' }),
  m({ id: 'zai-org/glm-4.7', name: 'GLM 4.7', ownedBy: 'zai-org', description: 'Zhipu GLM 4.7.', contextLength: 200000, maxOutput: 131072, prices: price(0.4, 1.5, 0.11), reasoning: false, inputModalities: ['text'], subscription: true, category: 'flagship' }),
  m({ id: 'zai-org/glm-4.7:thinking', name: 'GLM 4.7 Thinking', ownedBy: 'zai-org', description: 'Zhipu GLM 4.7 with thinking.', contextLength: 200000, maxOutput: 131072, prices: price(0.4, 1.5, 0.11), reasoning: true, inputModalities: ['text'], subscription: true, category: 'reasoning' }),
  m({ id: 'openai/gpt-5.2', name: 'GPT-5.2', ownedBy: 'openai', description: "OpenAI's flagship general-purpose model", contextLength: 128000, maxOutput: 16384, prices: price(2.5, 10), reasoning: false, inputModalities: ['text', 'image'], vision: true, pdf: true, subscription: false, category: 'flagship' }),
  m({ id: 'anthropic/claude-opus-4.6:thinking', name: 'Claude Opus 4.6 Thinking', ownedBy: 'anthropic', description: "Anthropic's top-tier model for deep reasoning and writing", contextLength: 200000, maxOutput: 8192, prices: price(15, 75), reasoning: true, inputModalities: ['text', 'image'], vision: true, subscription: false, category: 'reasoning' }),
  m({ id: 'qwen/qwen3-coder-next', name: 'Qwen3 Coder Next (unpriced)', ownedBy: 'qwen', description: 'Test model with no published price.', contextLength: 262144, maxOutput: 65536, prices: NO_PRICE, reasoning: false, inputModalities: ['text'], subscription: false, category: 'mini' }),
];

/** Global ranking for sort=mostused; unranked models follow in catalog order. */
const MOST_USED = ['zai-org/glm-4.7:thinking', 'deepseek/deepseek-v3.2', 'openai/gpt-5.2'];

export function findNanoModel(id: string): NanoModel | undefined {
  return NANOGPT_MODELS.find((x) => x.id === id);
}

export function nanoModelsList(which: 'all' | 'subscription' | 'paid', query: Record<string, string>): unknown {
  let list = NANOGPT_MODELS.filter((x) => which === 'all' || (which === 'subscription') === x.subscription);
  if (query.sort === 'mostused') {
    const rank = (id: string) => (MOST_USED.includes(id) ? MOST_USED.indexOf(id) : MOST_USED.length);
    list = [...list].sort((a, b) => rank(a.id) - rank(b.id));
  }
  const detailed = query.detailed === 'true';
  return {
    object: 'list',
    data: list.map((x) =>
      detailed
        ? {
            id: x.id,
            object: 'model',
            created: CREATED,
            owned_by: x.ownedBy,
            name: x.name,
            description: x.description,
            context_length: x.contextLength,
            max_output_tokens: x.maxOutput,
            capabilities: {
              vision: x.features.includes('vision'),
              reasoning: x.reasoning,
              tool_calling: x.features.includes('tools'),
              parallel_tool_calls: x.features.includes('tools'),
              structured_output: x.features.includes('structured_outputs'),
              pdf_upload: x.pdf,
            },
            ...(x.prices.input !== null ? { pricing: { prompt: x.prices.input, completion: x.prices.output, currency: 'USD', unit: 'per_million_tokens' } } : {}),
            icon_url: `/icons/${x.ownedBy}.svg`,
            cost_estimate: x.prices.input === null ? null : x.prices.input > 5 ? '$$$' : x.prices.input > 1 ? '$$' : '$',
            category: x.category,
          }
        : { id: x.id, object: 'model', created: CREATED, owned_by: x.ownedBy },
    ),
  };
}
