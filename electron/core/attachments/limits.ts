// How large an attachment a provider takes. The numbers follow what OpenAI-style APIs
// document (20 MB per image, 32 MB per PDF request); every built-in routes to such APIs,
// so they share them until a provider documents its own. The refusal names the limit.
import type { ProviderKind } from '../../../shared/domain';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/contract/attachments';
import { AppError } from '../errors';

const MB = 1024 * 1024;

export interface Limits {
  image: number;
  file: number;
}

export const DEFAULT_LIMITS: Limits = { image: 20 * MB, file: MAX_ATTACHMENT_BYTES };

const BY_KIND: Record<ProviderKind, Limits> = {
  near: DEFAULT_LIMITS,
  nanogpt: DEFAULT_LIMITS,
  llmbase: DEFAULT_LIMITS,
  openai: DEFAULT_LIMITS,
};

export const limitsFor = (kind: ProviderKind | null): Limits => (kind ? BY_KIND[kind] : DEFAULT_LIMITS);

export function checkSize(bytes: number, kind: 'image' | 'file', limits: Limits, providerName: string | null): void {
  const max = limits[kind];
  if (bytes <= max) return;
  const what = kind === 'image' ? 'Images' : 'PDFs';
  const where = providerName ? ` for ${providerName}` : '';
  throw new AppError('attachment_too_large', `${what} may be at most ${formatMb(max)}${where}; this one is ${formatMb(bytes)}.`);
}

export const formatMb = (bytes: number) => `${Number((bytes / MB).toFixed(1))} MB`;
