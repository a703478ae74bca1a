// Saving an export: a Blob and an <a download>, which works the same in browser mode and
// in Electron (whose session turns it into a save dialog / download).
import type { ExportFile } from '../../../../shared/contract/history';
import { api } from '../../bridge';

export function saveFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download reads the Blob after this task.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export async function exportConversation(id: string, format: 'markdown' | 'json', includeThinking: boolean): Promise<void> {
  saveFile(await api('history.exportConversation', { id, format, includeThinking }));
}

export async function exportAll(includeThinking: boolean): Promise<void> {
  saveFile(await api('history.exportAll', { includeThinking }));
}
