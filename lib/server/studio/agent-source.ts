import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { DEFAULT_PHONE_AGENT_ID } from '@/agents/studio-builtins';
import { e164Schema, type StudioAgentConfig } from '@/lib/contracts/studio-agent';
import type { Database, DatabaseHandle } from '@/lib/server/db/client';
import { agentForNumber, currentVersions, STUDIO_CHANNEL } from '@/lib/server/db/studio-queries';
import { loadAgentConfig } from './studio-service';

/**
 * The database-backed agent source for phone calls (the shape of lib/server/phone's PhoneAgentSource):
 * which agent answers a called number, an agent by id, and a subscription that hears every saved change.
 *
 * A change reaches subscribers within a second, across app instances: every save NOTIFYs
 * STUDIO_CHANNEL in its transaction, and an instance LISTENing (PostgreSQL: a dedicated pooled
 * connection; PGlite: its in-process listen) re-reads at once. The portable fallback, always on while
 * anyone subscribes, is a poll of the subscribed agents' version numbers every `pollMs` (500 ms): one
 * indexed primary-key read, so a missed notification (a dropped LISTEN connection) costs at most that.
 *
 * Config: `StudioPhoneAgent` = the stored StudioAgentConfig (lib/contracts/studio-agent.ts: id, name,
 * purpose, model, voice, instructions, greeting, turnDetection, transcriptionModel, secretTtlSeconds,
 * tools: { builtins: BuiltinToolName[], webhooks: WebhookTool[] with their secrets }) plus its `version`.
 */
export type StudioPhoneAgent = StudioAgentConfig & { version: number };

export type StudioAgentSource = {
  /** The agent mapped to the number; while no number is mapped at all, the default phone agent; else null. */
  forNumber(calledNumber: string): Promise<StudioPhoneAgent | null>;
  byId(id: string): Promise<StudioPhoneAgent | null>;
  /**
   * `onChange` gets each version of the agent newer than `sinceVersion` (default: the version this
   * source last read for it, e.g. by `byId`), at once if one is already newer. Returns the unsubscribe.
   */
  subscribe(agentId: string, onChange: (cfg: StudioPhoneAgent) => void, sinceVersion?: number): () => void;
  /** Stop polling and listening. */
  close(): Promise<void>;
};

/** Subscribes to the notification channel; resolves to the unlisten. */
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

export type AgentSourceOptions = {
  db: Database;
  listen?: Listen;
  pollMs?: number;
  onError?: (error: unknown) => void;
};

const DEFAULT_POLL_MS = 500;

/** Per listener, the version it has (null: whatever is current when first checked). */
type Watch = { listeners: Map<(cfg: StudioPhoneAgent) => void, number | null> };

export function createStudioAgentSource({ db, listen, pollMs = DEFAULT_POLL_MS, onError = (e) => console.warn('[studio] agent source', e) }: AgentSourceOptions): StudioAgentSource {
  const watches = new Map<string, Watch>();
  /** The version each agent had when last read (byId / forNumber), so a subscription starts from what the caller has. */
  const lastRead = new Map<string, number>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let unlisten: Promise<(() => Promise<void>) | null> | null = null;
  let checking: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const read = async (id: string): Promise<StudioPhoneAgent | null> => {
    const agent = await loadAgentConfig(db, id);
    if (agent) lastRead.set(id, agent.version);
    return agent;
  };

  /** Compare versions; for each agent that moved on, read it and tell its listeners. One check at a time; a request during one runs another after it. */
  const check = (): Promise<void> => {
    if (checking) {
      again = true;
      return checking;
    }
    checking = (async () => {
      do {
        again = false;
        const ids = [...watches.keys()];
        if (ids.length === 0) break;
        const versions = await currentVersions(db, ids);
        for (const [id, version] of versions) {
          const watch = watches.get(id);
          if (!watch) continue;
          const behind = [...watch.listeners].filter(([, known]) => known === null || known < version);
          if (behind.length === 0) continue;
          for (const [listener, known] of behind) if (known === null) watch.listeners.set(listener, version);
          if (!behind.some(([, known]) => known !== null)) continue;
          const cfg = await loadAgentConfig(db, id);
          if (!cfg) continue;
          for (const [listener, known] of behind) {
            if (known === null || !watch.listeners.has(listener) || (watch.listeners.get(listener) ?? 0) >= cfg.version) continue;
            watch.listeners.set(listener, cfg.version);
            try {
              listener(cfg);
            } catch (error) {
              onError(error);
            }
          }
        }
      } while (again && !closed);
    })()
      .catch(onError)
      .finally(() => {
        checking = null;
      });
    return checking;
  };

  const start = () => {
    if (timer || closed) return;
    timer = setInterval(() => void check(), pollMs);
    timer.unref?.();
    if (listen && !unlisten) {
      unlisten = listen(STUDIO_CHANNEL, (payload) => {
        try {
          const { agentId } = JSON.parse(payload) as { agentId?: string };
          if (agentId && watches.has(agentId)) void check();
        } catch {
          void check();
        }
      }).catch((error: unknown) => {
        onError(error);
        unlisten = null;
        return null;
      });
    }
  };

  const stop = async () => {
    if (timer) clearInterval(timer);
    timer = null;
    const off = await unlisten;
    unlisten = null;
    await off?.().catch(onError);
  };

  return {
    async forNumber(calledNumber) {
      const number = e164Schema.safeParse(calledNumber);
      if (!number.success) return null;
      const mapped = await agentForNumber(db, number.data);
      if (mapped.agentId) return read(mapped.agentId);
      return mapped.anyMapped ? null : read(DEFAULT_PHONE_AGENT_ID);
    },
    byId: read,
    subscribe(agentId, onChange, sinceVersion) {
      let watch = watches.get(agentId);
      if (!watch) {
        watch = { listeners: new Map() };
        watches.set(agentId, watch);
      }
      watch.listeners.set(onChange, sinceVersion ?? lastRead.get(agentId) ?? null);
      start();
      void check();
      return () => {
        const w = watches.get(agentId);
        w?.listeners.delete(onChange);
        if (w && w.listeners.size === 0) watches.delete(agentId);
        if (watches.size === 0) void stop();
      };
    },
    async close() {
      closed = true;
      watches.clear();
      await stop();
      await checking;
    },
  };
}

/** LISTEN on the handle's own driver: a dedicated connection from the pool (PostgreSQL), or PGlite's listen. (Drizzle keeps the driver client as `$client`.) */
export function listenerFor(handle: DatabaseHandle): Listen {
  if (handle.driver === 'pglite') {
    return async (channel, onPayload) => {
      const off = await (handle.pglite as unknown as { $client: PGlite }).$client.listen(channel, onPayload);
      return async () => off();
    };
  }
  return async (channel, onPayload) => {
    const client = await (handle.postgres as unknown as { $client: Pool }).$client.connect();
    const onNotification = (msg: { channel: string; payload?: string }) => {
      if (msg.channel === channel) onPayload(msg.payload ?? '');
    };
    client.on('notification', onNotification);
    // A broken LISTEN connection is dropped; the poll keeps changes coming.
    client.on('error', () => client.release(true));
    await client.query(`LISTEN ${channel}`);
    return async () => {
      client.off('notification', onNotification);
      await client.query(`UNLISTEN ${channel}`).catch(() => undefined);
      client.release();
    };
  };
}
