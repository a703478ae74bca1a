/** The composer's Thinking switch and effort, for models that reason (issue 4). */
export function ThinkingControl(_props: { conversationId: string }) {
  return null;
}
