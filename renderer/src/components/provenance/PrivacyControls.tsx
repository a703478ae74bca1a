/** The conversation's privacy badge and "Private models only" switch (issue 3). */
export function PrivacyControls(_props: { conversationId: string }) {
  return null;
}
