import type { TranscriptItem } from '@/lib/contracts/transcript';
import type { StoredTurnTag } from '@/lib/contracts/turn-tag';

/**
 * Put each turn tag next to the persona utterance it describes: by item id when the
 * tag names one, else after the latest client utterance that started before the tag
 * arrived. Tags that fit nowhere come back in `unplaced`. Pure; items must be in order.
 */
export type TaggedItem = { item: TranscriptItem; tags: StoredTurnTag[] };

export function attachTurnTags(items: readonly TranscriptItem[], tags: readonly StoredTurnTag[]): { rows: TaggedItem[]; unplaced: StoredTurnTag[] } {
  const rows: TaggedItem[] = items.map((item) => ({ item, tags: [] }));
  const unplaced: StoredTurnTag[] = [];
  for (const tag of tags) {
    let target = tag.itemId ? rows.find((r) => r.item.itemId === tag.itemId) : undefined;
    if (!target) {
      target = [...rows]
        .reverse()
        .find((r) => r.item.speaker === 'client' && r.item.startedAt.getTime() <= tag.createdAt.getTime());
    }
    if (target) target.tags.push(tag);
    else unplaced.push(tag);
  }
  return { rows, unplaced };
}
