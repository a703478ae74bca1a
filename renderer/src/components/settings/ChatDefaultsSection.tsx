/** Defaults for new conversations, such as a budget cap (issue 5). */
export function ChatDefaultsSection() {
  return null;
}
