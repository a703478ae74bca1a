import os from 'node:os';
import path from 'node:path';

/** The same folder Electron uses as userData for "Parley", so both modes share history. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Parley');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Parley');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Parley');
}
