import { describe, expect, it } from 'vitest';
import { baseUrl } from './common';

describe('a provider base URL', () => {
  it('takes http(s) URLs, local servers included', () => {
    for (const u of ['https://api.example.com/v1', 'http://127.0.0.1:11434/v1', ' https://gw.example.org/openai/v1 '])
      expect(baseUrl.safeParse(u).success).toBe(true);
  });

  it('refuses a user name or password in it, without repeating them', () => {
    for (const u of ['https://alice:s3cretT0ken@vllm.example.com/v1', 'https://s3cretT0ken@vllm.example.com/v1', 'http://:s3cretT0ken@127.0.0.1:8000/v1']) {
      const r = baseUrl.safeParse(u);
      expect(r.success).toBe(false);
      const message = r.error!.issues.map((i) => i.message).join(' ');
      expect(message).toBe('Base URL must not hold a user name or password; put the key in the API key field');
      expect(message).not.toContain('s3cret');
    }
  });

  it('refuses what is not an http(s) URL', () => {
    for (const u of ['api.example.com', 'ftp://example.com', 'file:///etc/passwd', 'javascript:alert(1)']) expect(baseUrl.safeParse(u).success).toBe(false);
  });
});
