// The sentence a held send shows: what it could cost, the cap, what is spent.
import type { SendEstimate } from '../../../shared/contract/cost';
import { formatUsd } from '../../../shared/cost/format';
import { AppError } from '../errors';

export function overBudgetMessage(e: Pick<SendEstimate, 'worstCaseUsd' | 'inputUsd' | 'spentUsd' | 'budgetUsd'>): string {
  const budget = formatUsd(e.budgetUsd);
  const spent = formatUsd(e.spentUsd);
  const upTo = e.worstCaseUsd ?? e.inputUsd;
  if (upTo === null) return `This conversation has already spent ${spent} of its ${budget} budget, and this send's cost is unknown.`;
  return `This send could cost up to ${formatUsd(upTo)}, which would take the conversation past its ${budget} budget (${spent} spent).`;
}

/** Thrown by chat.send when the estimate passes the cap; the UI offers "Send anyway" (chat.send with sendAnyway: true). */
export function overBudgetError(e: SendEstimate): AppError {
  return new AppError('over_budget', overBudgetMessage(e));
}
