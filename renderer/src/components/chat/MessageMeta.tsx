import type { Message } from '../../../../shared/domain';

const fmt = new Intl.NumberFormat();

export function MessageMeta({ message }: { message: Message }) {
  const model = message.modelServed ?? message.modelRequested;
  const usage = message.usage;
  if (!model && !usage) return null;
  const approx = usage?.estimated ? '≈' : '';
  return (
    <div className="message-meta">
      {model && <span className="meta-model">{model}</span>}
      {usage && (
        <span title="Tokens sent to and received from the model">
          {approx}
          {fmt.format(usage.promptTokens)} in · {approx}
          {fmt.format(usage.completionTokens)} out
          {usage.reasoningTokens ? ` (${fmt.format(usage.reasoningTokens)} thinking)` : ''}
        </span>
      )}
    </div>
  );
}
