import { z } from 'zod';
import { Provider, ProviderKind } from '../domain';
import { apiKey, baseUrl, call, Empty, id, Ok } from './common';

export const providerCalls = {
  'providers.list': call(Empty, z.array(Provider)),
  'providers.save': call(
    z
      .object({
        /** Absent: create a custom OpenAI-compatible provider. */
        id: id.optional(),
        kind: ProviderKind.default('openai'),
        name: z.string().trim().min(1, 'Name is required').max(100),
        baseUrl,
        defaultModel: z.string().trim().max(300).nullable().optional(),
        /** Stored in the OS keychain, never returned. */
        apiKey: apiKey.optional(),
        options: Provider.shape.options.optional(),
      })
      .strict(),
    Provider,
  ),
  'providers.remove': call(z.object({ id }).strict(), Ok),
  'keys.set': call(z.object({ providerId: id, apiKey }).strict(), z.object({ hasKey: z.boolean() })),
  'keys.remove': call(z.object({ providerId: id }).strict(), z.object({ hasKey: z.boolean() })),
  'keys.has': call(z.object({ providerId: id }).strict(), z.object({ hasKey: z.boolean() })),
};

export const providerEvents = {};
