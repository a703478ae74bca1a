import { errorMessage } from '../bridge';
import { useCatalog } from '../stores/catalog';
import { useConversations } from '../stores/conversations';
import { useMessages } from '../stores/messages';
import { useProviders } from '../stores/providers';
import { useSettings } from '../stores/settings';
import { useUi } from '../stores/ui';
import { applyTheme } from './theme';

/** Loads everything the first screen needs; also run after a reconnect to catch up. */
export async function loadAll(first: boolean): Promise<void> {
  const report = (what: string) => (err: unknown) => useUi.getState().toast('error', `Could not load ${what}: ${errorMessage(err)}`);
  const settings = useSettings
    .getState()
    .load()
    .then((s) => {
      applyTheme(s.theme);
      return s;
    })
    .catch(report('settings'));
  await Promise.all([
    useProviders.getState().load().catch(report('providers')),
    useCatalog.getState().load().catch(report('the model catalog')),
    useConversations.getState().load().catch(report('conversations')),
  ]);
  const s = await settings;
  const conv = useConversations.getState();
  if (first) {
    const last = s?.lastConversationId;
    const target = conv.list.find((c) => c.id === last) ?? conv.list[0];
    if (target) conv.select(target.id);
  } else if (conv.selectedId) {
    await useMessages.getState().load(conv.selectedId).catch(() => undefined);
  }
}
