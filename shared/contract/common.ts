import { z } from 'zod';

export const id = z.string().min(1).max(200);
export const apiKey = z
  .string()
  .trim()
  .min(1, 'API key is empty')
  .max(4096, 'API key is too long')
  .regex(/^[\x21-\x7e]+$/, 'API key may contain only printable ASCII without spaces');
export const baseUrl = z
  .string()
  .trim()
  .max(2000)
  .url('Base URL must be a full URL such as https://api.example.com/v1')
  .refine((u) => /^https?:\/\//i.test(u), 'Base URL must start with http:// or https://')
  // A user name or password in the URL would be stored and shown with it (and fetch refuses
  // such URLs, quoting them whole in its error): the key belongs in the keychain.
  .refine(noCredentials, 'Base URL must not hold a user name or password; put the key in the API key field');

function noCredentials(u: string): boolean {
  try {
    const url = new URL(u);
    return url.username === '' && url.password === '';
  } catch {
    return true; // not a URL: the check above says so
  }
}

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}
