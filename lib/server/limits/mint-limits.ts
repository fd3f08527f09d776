import type { Database } from '@/lib/server/db/client';
import { createDatabaseRateLimiter, type RateLimiter } from './fixed-window';
import { createRealtimeMinutes, type RealtimeMinutes } from './realtime-minutes';

/**
 * What a mint must get past, all counted in the database every app instance shares:
 * mints per minute per subject (the user, once accounts exist; the client address before),
 * mints per minute per client address, and realtime minutes per day per subject.
 */
export type MintLimits = { perSubject: RateLimiter; perIp: RateLimiter; minutes: RealtimeMinutes };

export type MintLimitSettings = {
  CUE_MINT_RATE_LIMIT_PER_MINUTE: number;
  CUE_MINT_RATE_LIMIT_PER_IP_PER_MINUTE: number;
  CUE_REALTIME_MINUTES_PER_DAY: number;
};

export function createMintLimits(database: () => Database, e: MintLimitSettings): MintLimits {
  return {
    perSubject: createDatabaseRateLimiter(database, { name: 'mint-subject', limit: e.CUE_MINT_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 }),
    perIp: createDatabaseRateLimiter(database, { name: 'mint-ip', limit: e.CUE_MINT_RATE_LIMIT_PER_IP_PER_MINUTE, windowMs: 60_000 }),
    minutes: createRealtimeMinutes(database, { limitSeconds: e.CUE_REALTIME_MINUTES_PER_DAY * 60 }),
  };
}
