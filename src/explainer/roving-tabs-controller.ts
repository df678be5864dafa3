import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keyboard behaviour of the WAI-ARIA tabs pattern with automatic activation: Left/Right move
 * between tabs (mirrored in right-to-left text) and wrap, Home/End go to the ends; the tab moved
 * to is selected and focused. Only the selected tab is in the Tab order (roving tabindex, set by
 * the host's template); this controller moves focus along with the selection.
 */
export class RovingTabsController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly tabs: {
      /** The ids of the tabs, in order. */
      ids: () => readonly string[];
      /** The id of the selected tab. */
      selected: () => string | undefined;
      /** Selects a tab as the person's own action. */
      select: (id: string) => void;
      /** The rendered tab for an id, to focus. */
      tabFor: (id: string) => HTMLElement | null | undefined;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The tab index that `key` leads to from `index` among `count` tabs, or null for other keys. */
  static targetIndex(key: string, index: number, count: number, rtl: boolean): number | null {
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    switch (key) {
      case forward:
        return (index + 1) % count;
      case backward:
        return (index - 1 + count) % count;
      case 'Home':
        return 0;
      case 'End':
        return count - 1;
      default:
        return null;
    }
  }

  /** Bind to the tablist's `keydown`. */
  readonly onKeydown = async (event: KeyboardEvent): Promise<void> => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const ids = this.tabs.ids();
    const current = ids.indexOf(this.tabs.selected() ?? '');
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    const target = RovingTabsController.targetIndex(event.key, Math.max(current, 0), ids.length, rtl);
    if (target === null) return;
    event.preventDefault();
    const id = ids[target]!;
    this.tabs.select(id);
    await this.host.updateComplete;
    this.tabs.tabFor(id)?.focus();
  };
}
