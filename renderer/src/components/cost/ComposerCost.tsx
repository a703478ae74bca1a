/** Estimated cost of this send as the user types (issue 5). */
export function ComposerCost(_props: { conversationId: string; text: string }) {
  return null;
}
