import { createStore, type StoreApi } from 'zustand/vanilla';
import { EMPTY_HINT_STATS, isFinished, type HintCard, type HintStats } from './hint-types';

/** The live page's hint cards and counters, kept beside (not inside) the realtime store. */
type HintData = {
  /** Hint cards by the assistant item that carries the hint. */
  hints: Readonly<Record<string, HintCard>>;
  /** The newest hint that has not finished (requested, or speaking). */
  activeHint: HintCard | null;
  hintStats: HintStats;
};

export type HintState = HintData & {
  /** Create or update a hint card; `activeHint` follows the card while it is unfinished. */
  putHint(card: HintCard): void;
  setHintStats(stats: Partial<HintStats>): void;
  /** A fresh call: no cards, counters from zero. */
  reset(): void;
};

export type HintStore = StoreApi<HintState>;

const EMPTY: HintData = { hints: {}, activeHint: null, hintStats: EMPTY_HINT_STATS };

export function createHintStore(): HintStore {
  return createStore<HintState>()((set, get) => ({
    ...EMPTY,
    putHint: (card) => {
      const { hints, activeHint } = get();
      const patch: Partial<HintData> = {};
      if (card.itemId) patch.hints = { ...hints, [card.itemId]: card };
      if (!isFinished(card)) patch.activeHint = card;
      else if (activeHint?.requestId === card.requestId) patch.activeHint = null;
      set(patch);
    },
    setHintStats: (stats) => set({ hintStats: { ...get().hintStats, ...stats } }),
    reset: () => set(EMPTY),
  }));
}
