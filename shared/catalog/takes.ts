// What a model takes besides text, as main (which refuses a send) and the composer (which
// says why first) both judge it.
import type { ModelInfo, Provider } from '../domain';

export const takesImages = (m: ModelInfo | null) => !!m && (m.capabilities.vision || m.inputModalities.includes('image'));
export const takesFiles = (m: ModelInfo | null) => !!m && (m.capabilities.pdf || m.inputModalities.includes('file'));

/**
 * A custom endpoint whose models' image support the user has not stated (such endpoints rarely
 * publish it): the advice to give when one of its models is refused an image, else null.
 */
export function imagesUnsaidHint(provider: Pick<Provider, 'kind' | 'name' | 'options'> | null | undefined): string | null {
  if (provider?.kind !== 'openai' || provider.options.modelsSeeImages) return null;
  return `${provider.name} does not say which of its models take images; if this one does, turn on “Its models can see images” for it in Settings.`;
}
