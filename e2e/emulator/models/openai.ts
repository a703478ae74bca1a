// A generic OpenAI-compatible server (e.g. a local one): bare model list, no prices.
import { CREATED, NO_PRICE, type EmuModel } from './model';

const m = (id: string, ownedBy: string, reasoning = false): EmuModel => ({
  id,
  name: id,
  ownedBy,
  description: '',
  contextLength: null,
  maxOutput: null,
  prices: NO_PRICE,
  reasoning,
  inputModalities: ['text'],
  outputModalities: ['text'],
  features: reasoning ? ['reasoning'] : [],
});

export const OPENAI_MODELS: EmuModel[] = [
  m('gpt-4o-mini', 'openai'),
  m('o4-mini', 'openai', true),
  m('llama3.1:8b', 'library'),
  // A vision model the server loads on demand and does not list: only a typed model id reaches it.
  { ...m('llava:13b', 'library'), inputModalities: ['text', 'image'], unlisted: true },
];

export function openaiModelsList(): unknown {
  return { object: 'list', data: OPENAI_MODELS.filter((x) => !x.unlisted).map((x) => ({ id: x.id, object: 'model', created: CREATED, owned_by: x.ownedBy })) };
}
