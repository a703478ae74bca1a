// What a model takes besides text, as main (which refuses a send) and the composer (which
// says why first) both judge it.
import type { ModelInfo, Provider } from '../domain';

export type ProviderLike = Pick<Provider, 'kind' | 'name' | 'options'> | null | undefined;

/**
 * The user said a custom endpoint's models see images. The catalog applies that to the models
 * its list names; this covers a model the list leaves out (a typed default model, or a server
 * with no model list), which the user's word covers just as well.
 */
const saidToSeeImages = (provider: ProviderLike) => provider?.kind === 'openai' && !!provider.options.modelsSeeImages;

export const takesImages = (m: ModelInfo | null, provider?: ProviderLike) =>
  (!!m && (m.capabilities.vision || m.inputModalities.includes('image'))) || saidToSeeImages(provider);
export const takesFiles = (m: ModelInfo | null) => !!m && (m.capabilities.pdf || m.inputModalities.includes('file'));

/**
 * A custom endpoint whose models' image support the user has not stated (such endpoints rarely
 * publish it): the advice to give when one of its models is refused an image, else null.
 */
export function imagesUnsaidHint(provider: ProviderLike): string | null {
  if (provider?.kind !== 'openai' || provider.options.modelsSeeImages) return null;
  return `${provider.name} does not say which of its models take images; if this one does, turn on “Its models can see images” for it in Settings.`;
}
