// The figures shown under one reply, computed from the stored message so the UI only renders them.
import type { Message } from '../domain';
import { costsDiffer } from '../pricing';
import { formatDuration, formatTokens, formatTokensPerSecond, formatUsd } from './format';

export interface ReplyFigures {
  /** Prompt tokens (incl. cached), null when no usage is known. */
  tokensIn: number | null;
  cachedTokens: number | null;
  /** Completion tokens, reasoning included. */
  tokensOut: number | null;
  reasoningTokens: number | null;
  /** Counted locally with a tokenizer: show "≈". */
  usageEstimated: boolean;
  /** null: nothing to bill (e.g. refused before any stream). */
  usd: number | null;
  costKnown: boolean;
  costEstimated: boolean;
  reportedUsd: number | null;
  computedUsd: number | null;
  /** Provider-reported and computed cost differ noticeably (> 2 % and > $0.000001): show both. */
  costsDiffer: boolean;
  /** Set when another model than the requested one served and its prices billed the reply. */
  billedModel: string | null;
  timeToFirstTokenMs: number | null;
  /** Completion tokens / (finishedAt − firstTokenAt). */
  tokensPerSecond: number | null;
  labels: {
    /** "≈1,234 in (200 cached) · 81 out (60 reasoning)" or null. */
    tokens: string | null;
    /** "$0.0012", "≈$0.0012", "cost unknown", or null when nothing was billed. */
    cost: string | null;
    /** "reported $0.00017 · computed $0.00015" when they differ, else null. */
    costDetail: string | null;
    /** "first token 420 ms" or null. */
    timeToFirstToken: string | null;
    /** "35.2 tok/s" or null. */
    speed: string | null;
  };
}

/** Shorter streams show no tokens-per-second figure. */
export const MIN_RATE_MS = 250;

export function replyFigures(m: Pick<Message, 'usage' | 'cost' | 'timings'>): ReplyFigures {
  const u = m.usage;
  const c = m.cost;
  const t = m.timings;
  const ttft = t && t.firstTokenAt !== null ? Math.max(0, t.firstTokenAt - t.startedAt) : null;
  const streamMs = t && t.firstTokenAt !== null && t.finishedAt !== null ? t.finishedAt - t.firstTokenAt : null;
  // A reply that arrived all at once (a cache, a non-streaming answer) has no meaningful rate.
  const tps = u && u.completionTokens > 0 && streamMs !== null && streamMs >= MIN_RATE_MS ? (u.completionTokens * 1000) / streamMs : null;
  const differ = c ? costsDiffer(c.reportedUsd, c.computedUsd) : false;

  let tokens: string | null = null;
  if (u) {
    const approx = u.estimated ? '≈' : '';
    const cached = u.cachedTokens ? ` (${formatTokens(u.cachedTokens)} cached)` : '';
    const reasoning = u.reasoningTokens ? ` (${formatTokens(u.reasoningTokens)} reasoning)` : '';
    tokens = `${approx}${formatTokens(u.promptTokens)} in${cached} · ${approx}${formatTokens(u.completionTokens)} out${reasoning}`;
  }
  return {
    tokensIn: u?.promptTokens ?? null,
    cachedTokens: u?.cachedTokens ?? null,
    tokensOut: u?.completionTokens ?? null,
    reasoningTokens: u?.reasoningTokens ?? null,
    usageEstimated: u?.estimated ?? false,
    usd: c?.usd ?? null,
    costKnown: !!c && c.usd !== null,
    costEstimated: c?.estimated ?? false,
    reportedUsd: c?.reportedUsd ?? null,
    computedUsd: c?.computedUsd ?? null,
    costsDiffer: differ,
    billedModel: c?.billedModel ?? null,
    timeToFirstTokenMs: ttft,
    tokensPerSecond: tps,
    labels: {
      tokens,
      cost: c ? formatUsd(c.usd, { estimated: c.estimated }) : null,
      costDetail: differ && c ? `reported ${formatUsd(c.reportedUsd)} · computed ${formatUsd(c.computedUsd)}` : null,
      timeToFirstToken: ttft !== null ? `first token ${formatDuration(ttft)}` : null,
      speed: tps !== null ? formatTokensPerSecond(tps) : null,
    },
  };
}
