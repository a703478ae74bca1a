// The running "Conversation cost" in the header: the total (with "≈" / "+ unknown" caveats),
// and on click a breakdown by model and the conversation's budget cap. Refreshed when a
// reply of this conversation finishes or the conversation changes, never per token.
import { useEffect, useState } from 'react';
import type { ConversationCost as Cost } from '../../../../shared/contract/cost';
import { formatTotal, formatUsd, totalCaveat } from '../../../../shared/cost/format';
import { bridge } from '../../bridge';
import { useCost } from '../../stores/cost';
import { BudgetEditor } from './BudgetEditor';
import { Popover } from './Popover';
import { TotalsTable } from './TotalsTable';
import '../../styles/cost.css';

export function ConversationCost({ conversationId }: { conversationId: string }) {
  const cost = useCost((s) => s.byConversation[conversationId]);

  useEffect(() => {
    const { load, changed } = useCost.getState();
    void load(conversationId).catch(() => undefined);
    const offDone = bridge.on('chat.done', ({ message }) => {
      if (message.conversationId === conversationId) changed(conversationId);
    });
    const offChanged = bridge.on('conversations.changed', ({ conversation }) => {
      if (conversation?.id === conversationId) changed(conversationId);
    });
    const offRemoved = bridge.on('messages.removed', (e) => {
      if (e.conversationId === conversationId) changed(conversationId);
    });
    return () => {
      offDone();
      offChanged();
      offRemoved();
    };
  }, [conversationId]);

  if (!cost) return null;
  const total = formatTotal(cost);
  const over = cost.budgetUsd !== null && cost.totalUsd >= cost.budgetUsd;
  return (
    <Popover
      label="Conversation cost"
      className={`conversation-cost${cost.messages === 0 ? ' empty' : ''}${over ? ' over' : ''}`}
      panelClassName="conversation-cost-panel"
      align="end"
      trigger={
        <>
          <span className="conversation-cost-total">{total}</span>
          {cost.budgetUsd !== null && <span className="conversation-cost-budget"> / {formatUsd(cost.budgetUsd)}</span>}
        </>
      }
    >
      <Breakdown cost={cost} />
    </Popover>
  );
}

function Breakdown({ cost }: { cost: Cost }) {
  const caveat = totalCaveat(cost.unknownCount, cost.estimatedCount);
  const [editing, setEditing] = useState(false);
  return (
    <div className="cost-breakdown">
      <div className="cost-breakdown-head">
        <span>Conversation cost</span>
        <strong>{formatTotal(cost)}</strong>
      </div>
      {caveat && <p className="cost-note">{caveat}</p>}
      {cost.byModel.length > 0 ? (
        <TotalsTable
          caption="Cost by model"
          captionHidden
          first="Model"
          mono
          rows={cost.byModel.map((m) => ({ key: `${m.providerId}/${m.modelId}`, name: m.modelId, title: `${m.providerId} · ${m.modelId}`, t: m }))}
        />
      ) : (
        <p className="cost-note">No replies billed yet.</p>
      )}
      <div className="cost-budget-row">
        {editing ? (
          <BudgetEditor conversationId={cost.conversationId} budgetUsd={cost.budgetUsd} onDone={() => setEditing(false)} />
        ) : (
          <>
            <span>
              Budget: {cost.budgetUsd === null ? 'none' : formatUsd(cost.budgetUsd)}
              {cost.budgetUsd !== null && <span className="cost-note"> · {formatUsd(Math.max(0, cost.budgetUsd - cost.totalUsd))} left</span>}
            </span>
            <button type="button" className="button small ghost" onClick={() => setEditing(true)}>
              {cost.budgetUsd === null ? 'Set budget' : 'Edit budget'}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
