// Per-provider queues of scripted steps; each chat request to a provider consumes one.
import { PROVIDERS, type EmuProvider, type Step } from './types';

const KINDS = new Set<Step['kind']>([
  'reply',
  'http-error',
  'midstream-error',
  'malformed-chunk',
  'not-json-chunk',
  'no-done',
  'reset',
  'stall',
  'never-respond',
  'huge',
  'split-utf8',
  'redirect',
  'html-error',
  'json-reply',
  'fallback',
]);

export class StepQueues {
  private queues = new Map<EmuProvider, Step[]>();

  script(provider: EmuProvider, steps: Step[]): void {
    if (!PROVIDERS.includes(provider)) throw new Error(`unknown provider: ${String(provider)}`);
    for (const s of steps) if (!s || typeof s !== 'object' || !KINDS.has(s.kind)) throw new Error(`unknown step: ${JSON.stringify(s)}`);
    this.queues.set(provider, [...(this.queues.get(provider) ?? []), ...steps]);
  }

  next(provider: EmuProvider): Step | undefined {
    return this.queues.get(provider)?.shift();
  }

  /** Puts a step back at the head (the request failed before it could apply). */
  putBack(provider: EmuProvider, step: Step): void {
    this.queues.set(provider, [step, ...(this.queues.get(provider) ?? [])]);
  }

  pending(provider: EmuProvider): number {
    return this.queues.get(provider)?.length ?? 0;
  }

  reset(): void {
    this.queues.clear();
  }
}
