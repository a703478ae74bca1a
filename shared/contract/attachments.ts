// Calls and events of the attachments domain (filled in by its issue).
export const attachmentsCalls = {};
export const attachmentsEvents = {};
