// Words and tooltips for the privacy badge, shared by the picker, the conversation
// header and every reply so the three never disagree.
import type { Privacy } from '../domain';

export interface PrivacyLabel {
  label: string;
  tooltip: string;
}

export const PRIVACY_LABELS: Record<Privacy, PrivacyLabel> = {
  private: { label: 'Private', tooltip: 'Runs inside a hardware-isolated TEE; the provider cannot read your data' },
  anonymised: { label: 'Anonymised', tooltip: 'Routed to a third-party model without identifying information' },
  standard: { label: 'Standard', tooltip: 'No special privacy guarantee' },
};

export function privacyLabel(p: Privacy): string {
  return PRIVACY_LABELS[p].label;
}

export function privacyTooltip(p: Privacy): string {
  return PRIVACY_LABELS[p].tooltip;
}

/** Most private first: for sorting routes of the same model. */
export const PRIVACY_RANK: Record<Privacy, number> = { private: 0, anonymised: 1, standard: 2 };
