/**
 * The view slice: how the lab is shown, independent of the theme. Which panels are
 * open, playback and its speed, the variant shown beside the current one in the split
 * view, whether code panels show the difference from the buggy code, the thread
 * "next step of" follows, and whether the shortcut overlay is open.
 */
import type { VariantId } from '../scenarios/index.ts';

export const PANEL_IDS = [
  'threads',
  'code',
  'state',
  'timeline',
  'outcome',
  'split',
  'explorer',
  'share',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export const PANEL_LABELS: Readonly<Record<PanelId, string>> = {
  threads: 'Threads',
  code: 'Code',
  state: 'State',
  timeline: 'Timeline',
  outcome: 'Crash and invariants',
  split: 'Split view',
  explorer: 'Explorer',
  share: 'Share and export',
};

/** Steps per second that playback offers. */
export const SPEEDS: readonly number[] = [1, 2, 5, 10, 25];
export const DEFAULT_SPEED = 2;

export interface ViewSlice {
  readonly panels: Readonly<Record<PanelId, boolean>>;
  readonly playing: boolean;
  readonly speed: number;
  readonly splitVariant: VariantId | null;
  readonly showDiff: boolean;
  readonly helpOpen: boolean;
  readonly focusThread: number;
  /**
   * The lab drawer's open tab (null: closed). Kept here, not in a component, so the
   * address bar can carry it (`tab=`) and a reload reopens it; the lab's drawer
   * context reads and sets it. The names are the drawer's (src/ui/lab/drawerContext.ts).
   */
  readonly drawer: string | null;
  setDrawer(tab: string | null): void;
  setPanel(panel: PanelId, open: boolean): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  faster(): void;
  slower(): void;
  setSplitVariant(variant: VariantId | null): void;
  setShowDiff(show: boolean): void;
  setHelpOpen(open: boolean): void;
  setFocusThread(thread: number): void;
}

type Set = (partial: Partial<ViewSlice>) => void;
type Get = () => ViewSlice;

const ALL_OPEN = Object.freeze(
  Object.fromEntries(PANEL_IDS.map((id) => [id, true])) as Record<PanelId, boolean>,
);

export function createViewSlice(set: Set, get: Get): ViewSlice {
  const shiftSpeed = (delta: number): void => {
    const i = SPEEDS.indexOf(get().speed);
    const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? 1 : i) + delta))];
    if (next !== undefined) set({ speed: next });
  };
  return {
    panels: ALL_OPEN,
    playing: false,
    speed: DEFAULT_SPEED,
    splitVariant: null,
    showDiff: false,
    helpOpen: false,
    focusThread: 0,
    drawer: null,
    setDrawer: (drawer) => set({ drawer }),
    setPanel: (panel, open) => set({ panels: { ...get().panels, [panel]: open } }),
    setPlaying: (playing) => set({ playing }),
    setSpeed: (speed) => {
      if (SPEEDS.includes(speed)) set({ speed });
    },
    faster: () => shiftSpeed(1),
    slower: () => shiftSpeed(-1),
    setSplitVariant: (splitVariant) => set({ splitVariant }),
    setShowDiff: (showDiff) => set({ showDiff }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setFocusThread: (focusThread) => set({ focusThread }),
  };
}
