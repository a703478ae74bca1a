import type { Settings } from '../../shared/api';
import type { SettingsRepo } from './history/settings-repo';

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  textSize: 'medium',
  autoVerify: true,
  notifications: true,
  defaultBudgetUsd: null,
  sidebarWidth: 280,
  lastConversationId: null,
};

export class SettingsService {
  constructor(private readonly repo: SettingsRepo) {}

  get(): Settings {
    const stored = this.repo.all();
    const out = { ...DEFAULT_SETTINGS };
    for (const k of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      if (k in stored && typeof stored[k] === typeof DEFAULT_SETTINGS[k] || (k in stored && DEFAULT_SETTINGS[k] === null)) {
        (out as Record<string, unknown>)[k] = stored[k];
      }
    }
    return out;
  }

  update(patch: Partial<Settings>): Settings {
    this.repo.set(patch);
    return this.get();
  }
}
