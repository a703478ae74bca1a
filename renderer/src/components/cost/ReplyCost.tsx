import type { Message } from '../../../../shared/domain';

const fmt = new Intl.NumberFormat();

/** Tokens and cost of one reply (issue 5 adds cost, time to first token and speed). */
export function ReplyCost({ message }: { message: Message }) {
  const usage = message.usage;
  if (!usage) return null;
  const approx = usage.estimated ? '≈' : '';
  return (
    <span title="Tokens sent to and received from the model">
      {approx}
      {fmt.format(usage.promptTokens)} in · {approx}
      {fmt.format(usage.completionTokens)} out
      {usage.reasoningTokens ? ` (${fmt.format(usage.reasoningTokens)} thinking)` : ''}
    </span>
  );
}
