// How attachments go to a provider, and which models may receive them. OpenAI-style
// content parts: images as `image_url` with a base64 data URL, PDFs as a `file` part
// (the form OpenAI-compatible providers document). A model that does not advertise the
// capability never receives them: the send is refused before anything is written.
import type { AttachmentRef, ModelInfo } from '../../../shared/domain';
import { imagesUnsaidHint, takesFiles, takesImages, type ProviderLike } from '../../../shared/catalog/takes';
import { AppError } from '../errors';

export type WirePart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } }
  | { type: 'file'; file: { filename: string; file_data: string } };

export const dataUrl = (mime: string, bytes: Uint8Array) => `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;

/** The text part first (as typed), then each attachment in the order attached. */
export function wireParts(text: string, refs: readonly AttachmentRef[], read: (ref: AttachmentRef) => Uint8Array): WirePart[] {
  const parts: WirePart[] = [{ type: 'text', text }];
  for (const ref of refs) {
    const url = dataUrl(ref.mime, read(ref));
    parts.push(ref.kind === 'image' ? { type: 'image_url', image_url: { url } } : { type: 'file', file: { filename: ref.name, file_data: url } });
  }
  return parts;
}


export type Need = { images: boolean; files: boolean };

export const needOf = (refs: readonly AttachmentRef[]): Need => ({ images: refs.some((r) => r.kind === 'image'), files: refs.some((r) => r.kind === 'file') });

export const modelTakes = (m: ModelInfo | null, need: Need, provider?: ProviderLike) =>
  (!need.images || takesImages(m, provider)) && (!need.files || takesFiles(m));

/** A chat model that takes what is needed: on the same provider first, then elsewhere. */
export function capableAlternative(models: readonly ModelInfo[], providerId: string, need: Need): ModelInfo | null {
  const ok = models.filter((m) => m.chat && modelTakes(m, need));
  return ok.find((m) => m.provider === providerId) ?? ok[0] ?? null;
}

/**
 * Refuses when the model cannot take these attachments, saying why and naming a model
 * that can, when the catalog has one (with its provider's name when it is elsewhere).
 */
export function assertModelTakes(
  model: ModelInfo | null,
  modelId: string,
  refs: readonly AttachmentRef[],
  alternatives: { models: readonly ModelInfo[]; providerId: string; providerName: (id: string) => string | null },
  /** The model's provider: what the user said of a custom endpoint's models counts. */
  provider: ProviderLike = null,
): void {
  const need = needOf(refs);
  if (modelTakes(model, need, provider)) return;
  const name = model?.name || modelId;
  const noImages = need.images && !takesImages(model, provider);
  const unsaidHint = imagesUnsaidHint(provider);
  const what = noImages ? 'cannot see images' : 'cannot read PDFs';
  const unknown = model ? '' : ' (it is not in the model list, so what it takes is unknown)';
  const hint = noImages && unsaidHint ? ` ${unsaidHint}` : '';
  const alt = capableAlternative(alternatives.models, alternatives.providerId, need);
  const where = alt && alt.provider !== alternatives.providerId ? ` on ${alternatives.providerName(alt.provider) ?? alt.provider}` : '';
  const suggestion = alt ? ` Choose a model that can, such as ${alt.name || alt.id}${where}, or remove the attachment.` : ' Remove the attachment to send the text alone.';
  throw new AppError('unsupported_attachment', `${name} ${what}${unknown}.${hint}${suggestion}`);
}
