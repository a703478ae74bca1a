/** The running "Conversation cost" in the header, with a breakdown by model (issue 5). */
export function ConversationCost(_props: { conversationId: string }) {
  return null;
}
