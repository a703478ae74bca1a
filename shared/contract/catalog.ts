import { z } from 'zod';
import { ModelInfo } from '../domain';
import { call, Empty, id } from './common';

export const CatalogSource = z.object({
  providerId: id,
  source: z.enum(['bundled', 'live']),
  /** When the live list was fetched, or the date of the bundled list (ms). */
  asOf: z.number(),
  error: z.string().max(2000).nullable(),
});
export type CatalogSource = z.infer<typeof CatalogSource>;

const Catalog = z.object({ models: z.array(ModelInfo), sources: z.array(CatalogSource) });

export const catalogCalls = {
  'catalog.list': call(Empty, Catalog),
  'catalog.refresh': call(z.object({ providerId: id.optional() }).strict(), Catalog),
};

export const catalogEvents = {
  'catalog.updated': z.object({ sources: z.array(CatalogSource) }),
};
