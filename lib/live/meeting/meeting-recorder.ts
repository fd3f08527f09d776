import type { RealtimeItem } from '@openai/agents-realtime';
import { createStore } from 'zustand/vanilla';
import type { Backend } from '@/lib/realtime/store/types';
import { buildSaveInput, readSnapshot, rowsToHistory, settleCards, settleRows, transcriptRows, writeSnapshot, type MeetingSnapshot } from './meeting-snapshot';
import { type SaveLiveSessionInput } from './saved-meeting';
import { liveSessionSizeProblem } from '@/lib/live/meeting/past-meetings';
import type { MeetingRecorderOptions, MeetingState, MeetingStore, SaveState } from './meeting-types';

export type {  MeetingRecorderOptions, MeetingState, MeetingStore,  } from './meeting-types';

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts (not plain http on a LAN address). */
export function newMeetingId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const UNREACHABLE = 'The Cue server could not be reached, so the meeting was not saved. Retry, or export it.';

/**
 * Keeps the live meeting: a copy in this tab's storage (written a moment after each change,
 * and at once when the page goes away) that a reload brings back, and a saved copy in Past
 * meetings, written when the call ends (and for a meeting the page left mid-call, as soon
 * as it is back). Continuing a meeting keeps its id, so saving it again updates it.
 */
export class MeetingRecorder {
  readonly state: MeetingStore;
  readonly #o: Required<Omit<MeetingRecorderOptions, 'storage'>> & { storage: Storage | null };
  #unsaved = false;
  #changedAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #restoredOnce = false;
  #saving: Promise<void> | null = null;
  #saveAgain = false;
  /** Backend and model of a restored meeting, until a session says again. */
  #meta: { backend: Backend | null; model: string | null } = { backend: null, model: null };

  constructor(options: MeetingRecorderOptions) {
    this.#o = { now: Date.now, newId: newMeetingId, writeDelayMs: 1000, ...options };
    this.state = createStore<MeetingState>()(() => ({
      meetingId: null,
      save: { status: 'idle' },
      restored: false,
      restoredAgentId: null,
      tabCopy: options.storage ? 'ok' : 'unavailable',
    }));
  }

  get hasUnsavedChanges(): boolean {
    return this.#unsaved;
  }

  /** Bring back this tab's meeting after a reload (once). A meeting the page left mid-call is saved right away. */
  async restore(): Promise<void> {
    if (this.#restoredOnce || !this.#o.storage) return;
    this.#restoredOnce = true;
    const snap = await readSnapshot(this.#o.storage);
    if (!snap) return;
    const rows = settleRows(snap.rows);
    if (rows.length === 0) return void writeSnapshot(this.#o.storage, null);
    // A call the page left while it was up lasted until the page went away.
    const endedAt = snap.endedAt ?? snap.writtenAt;
    this.#o.store.getState().actions.restoreCall({ rows, startedAt: snap.startedAt ?? rows[0]?.at ?? endedAt, endedAt, agentId: snap.agentId });
    const hints = this.#o.hintStore.getState();
    for (const card of settleCards(snap.hints)) if (card.itemId) hints.putHint(card);
    this.#unsaved = snap.unsaved;
    this.#changedAt = snap.changedAt;
    this.#meta = { backend: snap.backend, model: snap.model };
    const save: SaveState = snap.unsaved ? { status: 'idle' } : { status: 'saved', id: snap.meetingId };
    this.state.setState({ meetingId: snap.meetingId, restored: true, restoredAgentId: snap.agentId, save });
    this.#write({ live: false });
    if (snap.live && snap.unsaved) void this.#save();
  }

  /** Follow the call and the stores. Returns the detach function. */
  attach(): () => void {
    const { store, hintStore, host } = this.#o;
    const offs = [
      host.onSessionStart(({ resumed }) => this.#onStart(resumed)),
      host.onSessionEnd(({ reason }) => (reason === 'ended' ? this.#onEnded() : this.flush())),
      store.subscribe((s, prev) => {
        if (s.transcript !== prev.transcript) this.#changed();
        else if (s.connection !== prev.connection || s.callEndedAt !== prev.callEndedAt) this.#schedule();
      }),
      hintStore.subscribe((s, prev) => {
        if (s.hints !== prev.hints) this.#changed();
      }),
    ];
    const onHide = () => this.flush();
    if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide);
    return () => {
      offs.forEach((off) => off());
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide);
      this.flush();
    };
  }

  /** Write the tab's copy now (the page is going away). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#write();
  }

  /** Items to replay when the user connects again with a transcript on screen: the meeting continues. */
  historyToContinue(): RealtimeItem[] | undefined {
    const rows = transcriptRows(this.#o.store.getState().transcript);
    const items = rowsToHistory(rows);
    return items.length > 0 ? items : undefined;
  }

  /** Clear the screen for a new meeting (the last one is in Past meetings, or was discarded). */
  startNew(): void {
    const { store, hintStore } = this.#o;
    const actions = store.getState().actions;
    actions.resetConversation();
    actions.restoreCall({ rows: [], startedAt: null, endedAt: null, agentId: store.getState().agentId });
    hintStore.getState().reset();
    this.#unsaved = false;
    this.state.setState({ meetingId: null, save: { status: 'idle' }, restored: false });
    this.flush();
  }

  /** Save again after a failure. */
  retrySave(): Promise<void> {
    return this.#save();
  }

  // ---- internals ---------------------------------------------------------------------------

  #onStart(resumed: boolean): void {
    if (!resumed || !this.state.getState().meetingId) {
      this.#unsaved = false;
      this.#meta = { backend: null, model: null };
      this.state.setState({ meetingId: this.#o.newId(), restored: false });
    }
    const s = this.#o.store.getState();
    // A continued meeting: its clock runs again from its first start.
    if (s.callEndedAt !== null) s.actions.startCall(s.callStartedAt ?? this.#o.now());
    this.state.setState({ save: { status: 'idle' }, restored: false });
    this.flush();
  }

  #onEnded(): void {
    this.flush();
    const id = this.state.getState().meetingId;
    if (this.#unsaved) void this.#save();
    else if (id && this.#saveInput()) this.state.setState({ save: { status: 'saved', id } });
  }

  #changed(): void {
    this.#unsaved = true;
    this.#changedAt = this.#o.now();
    if (this.state.getState().save.status === 'saved') this.state.setState({ save: { status: 'idle' } });
    this.#schedule();
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#write();
    }, this.#o.writeDelayMs);
  }

  #snapshot(over: Partial<MeetingSnapshot> = {}): MeetingSnapshot | null {
    const meetingId = this.state.getState().meetingId;
    const s = this.#o.store.getState();
    const rows = transcriptRows(s.transcript);
    if (!meetingId || rows.length === 0) return null;
    return {
      version: 1,
      meetingId,
      agentId: s.agentId,
      backend: s.backend ?? this.#meta.backend,
      model: s.model ?? this.#meta.model,
      startedAt: s.callStartedAt,
      endedAt: s.callEndedAt,
      live: s.connection !== 'disconnected',
      // A save still under way counts as not saved: a reload now must save again.
      unsaved: this.#unsaved || this.state.getState().save.status === 'saving',
      changedAt: this.#changedAt || this.#o.now(),
      writtenAt: this.#o.now(),
      rows,
      hints: Object.values(this.#o.hintStore.getState().hints),
      ...over,
    };
  }

  #write(over: Partial<MeetingSnapshot> = {}): void {
    if (!this.#o.storage) return;
    const result = writeSnapshot(this.#o.storage, this.#snapshot(over));
    if (this.state.getState().tabCopy !== result) this.state.setState({ tabCopy: result });
  }

  /** Save the meeting on screen (one save at a time; a change during a save is saved after it). */
  async #save(): Promise<void> {
    if (this.#saving) {
      this.#saveAgain = true;
      return this.#saving;
    }
    const input = this.#saveInput();
    if (!input) return;
    const problem = liveSessionSizeProblem(input.lines);
    if (problem) return void this.state.setState({ save: { status: 'failed', message: problem, retryable: false } });
    this.state.setState({ save: { status: 'saving' } });
    const wasUnsaved = this.#unsaved;
    this.#unsaved = false;
    this.#saving = this.#o
      .save(input)
      .then(
        (result) => {
          if (result.ok) this.state.setState({ save: { status: 'saved', id: result.data.id } });
          else {
            this.#unsaved = this.#unsaved || wasUnsaved;
            this.state.setState({ save: { status: 'failed', message: result.error.message, retryable: result.error.code !== 'too_large' && result.error.code !== 'invalid_input' } });
          }
        },
        () => {
          this.#unsaved = this.#unsaved || wasUnsaved;
          this.state.setState({ save: { status: 'failed', message: UNREACHABLE, retryable: true } });
        },
      )
      .finally(() => {
        this.#saving = null;
        this.#write();
        if (this.#saveAgain) {
          this.#saveAgain = false;
          if (this.#unsaved && this.#o.store.getState().connection === 'disconnected') void this.#save();
        }
      });
    return this.#saving;
  }

  #saveInput(): SaveLiveSessionInput | null {
    const s = this.#o.store.getState();
    return buildSaveInput({
      meetingId: this.state.getState().meetingId,
      state: s,
      hints: this.#o.hintStore.getState().hints,
      endedAt: s.callEndedAt ?? (this.#changedAt || this.#o.now()),
      backend: s.backend ?? this.#meta.backend ?? this.#o.backend,
      model: s.model ?? this.#meta.model,
      voice: this.#o.voice(),
    });
  }
}
