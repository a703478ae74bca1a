// The application menu: Menu.buildFromTemplate over the pure template in menu-policy.ts.
// Not testable here (needs a running Electron): that the OS shows the menu and fires the
// accelerators. The template itself, with every item's accelerator, is tested in menu-policy.test.ts.
import { Menu } from 'electron';
import { buildMenuTemplate, type MenuOptions } from './menu-policy';

export type { MenuOptions };

export function buildAppMenu(o: MenuOptions): Menu {
  return Menu.buildFromTemplate(buildMenuTemplate(o));
}
