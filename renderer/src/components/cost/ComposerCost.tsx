// What this send may cost, as the user types: input (history + new text, by the model's
// input price) and the worst-case output (the model's output cap at its output price).
// Debounced; refreshed when the conversation's spend or model changes.
import { useEffect, useState } from 'react';
import type { SendEstimate } from '../../../../shared/contract/cost';
import { formatUsd } from '../../../../shared/cost/format';
import { api } from '../../bridge';
import { useConversations } from '../../stores/conversations';
import { useCost } from '../../stores/cost';
import '../../styles/cost.css';

const DEBOUNCE_MS = 300;

export function ComposerCost({ conversationId, text }: { conversationId: string; text: string }) {
  const version = useCost((s) => s.version[conversationId] ?? 0);
  const route = useConversations((s) => {
    const c = s.list.find((x) => x.id === conversationId);
    return c ? `${c.providerId}\u0000${c.modelId}\u0000${c.budgetUsd}` : '';
  });
  const [estimate, setEstimate] = useState<SendEstimate | null>(null);
  const empty = text.trim().length === 0;

  useEffect(() => {
    if (empty) {
      setEstimate(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api('cost.estimate', { conversationId, text })
        .then((e) => live && setEstimate(e))
        .catch(() => live && setEstimate(null));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [conversationId, text, empty, version, route]);

  if (empty || !estimate || estimate.modelId === null) return null;
  return <EstimateLine estimate={estimate} />;
}

function EstimateLine({ estimate: e }: { estimate: SendEstimate }) {
  const tokens = `${e.inputTokens.toLocaleString('en-US')} tokens in`;
  const outCap = e.maxOutputTokens !== null ? `, up to ${e.maxOutputTokens.toLocaleString('en-US')} out` : '';
  const title = [`${tokens}${outCap}`, e.note, e.budgetUsd !== null ? `Budget ${formatUsd(e.budgetUsd)}, ${formatUsd(e.spentUsd)} spent` : null]
    .filter(Boolean)
    .join('\n');
  let body: string;
  if (e.inputUsd === null) body = 'cost unknown';
  else if (e.worstCaseOutputUsd === null) body = `≈${formatUsd(e.inputUsd)} in`;
  else body = `≈${formatUsd(e.inputUsd)} in · up to ${formatUsd(e.worstCaseOutputUsd)} out`;
  return (
    <span className={`composer-cost${e.overBudget ? ' over' : ''}${e.inputUsd === null ? ' unknown' : ''}`} title={title} aria-label={`Estimated cost: ${body}${e.overBudget ? ', over budget' : ''}${e.inputUsd === null && e.note ? `. ${e.note}` : ''}`} role="status">
      {body}
      {e.overBudget && <span className="composer-cost-flag">over budget</span>}
    </span>
  );
}
