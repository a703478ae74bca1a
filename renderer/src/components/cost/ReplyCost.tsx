// Tokens, cost and speed of one reply, compact on the meta line; the full figures
// (cached and reasoning tokens, time to first token, reported vs computed, prices) in a popover.
import { memo } from 'react';
import type { Message } from '../../../../shared/domain';
import { formatTokens, formatUsd } from '../../../../shared/cost/format';
import { replyFigures } from '../../../../shared/cost/reply-figures';
import { Popover } from './Popover';
import '../../styles/cost.css';

const perM = (usd: number | null) => (usd === null ? 'unknown' : `${formatUsd(usd)} / 1M`);

export const ReplyCost = memo(function ReplyCost({ message }: { message: Message }) {
  if (message.status === 'streaming' || (!message.usage && !message.cost)) return null;
  const f = replyFigures(message);
  const approx = f.usageEstimated ? '≈' : '';
  const cost = f.labels.cost;
  const summary = (
    <>
      {cost && <span className={`rc-part reply-cost-usd${f.costKnown ? '' : ' unknown'}`}>{cost}</span>}
      {f.costsDiffer && <span className="rc-part reply-cost-alt">computed {formatUsd(f.computedUsd)}</span>}
      {f.tokensIn !== null && (
        <span className="rc-part reply-cost-tokens">
          {approx}
          {formatTokens(f.tokensIn)} in · {approx}
          {formatTokens(f.tokensOut ?? 0)} out
        </span>
      )}
      {f.labels.speed && <span className="rc-part reply-cost-speed">{f.labels.speed}</span>}
    </>
  );
  return (
    <Popover label="Reply cost" className="reply-cost" trigger={summary}>
      <dl className="cost-details">
        <dt>Cost</dt>
        <dd>
          {cost ?? '—'}
          {f.costEstimated && <span className="cost-note"> estimated</span>}
        </dd>
        {f.labels.costDetail && (
          <>
            <dt>Figures</dt>
            <dd>{f.labels.costDetail}</dd>
          </>
        )}
        {f.billedModel && (
          <>
            <dt>Billed as</dt>
            <dd className="mono">{f.billedModel}</dd>
          </>
        )}
        {f.labels.tokens && (
          <>
            <dt>Tokens</dt>
            <dd>{f.labels.tokens}</dd>
          </>
        )}
        {f.usageEstimated && (
          <>
            <dt />
            <dd className="cost-note">The provider sent no usage; counted here with a tokenizer.</dd>
          </>
        )}
        {f.labels.timeToFirstToken && (
          <>
            <dt>Latency</dt>
            <dd>{f.labels.timeToFirstToken}</dd>
          </>
        )}
        {f.labels.speed && (
          <>
            <dt>Speed</dt>
            <dd>{f.labels.speed}</dd>
          </>
        )}
        {message.pricing && (
          <>
            <dt>Prices</dt>
            <dd>
              in {perM(message.pricing.input)} · out {perM(message.pricing.output)}
              {message.pricing.cachedInput !== null && ` · cached ${perM(message.pricing.cachedInput)}`}
            </dd>
          </>
        )}
        {!f.costKnown && cost && (
          <>
            <dt />
            <dd className="cost-note">No price is published for this model, so its cost is unknown (not counted as $0).</dd>
          </>
        )}
      </dl>
    </Popover>
  );
});
