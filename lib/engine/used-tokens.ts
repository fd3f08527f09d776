/**
 * Token ids (`jti`) already used to open a session. A token opens one session;
 * its id is remembered until the token expires (after that the expiry check
 * refuses it anyway), so the set stays as small as the tokens alive.
 */
export class UsedTokens {
  #expiries = new Map<string, number>();
  #lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.#expiries.size;
  }

  has(jti: string): boolean {
    const exp = this.#expiries.get(jti);
    return exp !== undefined && exp * 1000 > this.now();
  }

  /** Mark `jti` used until `exp` (unix s). False if it was used already. */
  claim(jti: string, exp: number): boolean {
    this.#sweep();
    if (this.has(jti)) return false;
    this.#expiries.set(jti, exp);
    return true;
  }

  #sweep(): void {
    const now = this.now();
    if (now - this.#lastSweep < 5_000) return;
    this.#lastSweep = now;
    for (const [jti, exp] of this.#expiries) if (exp * 1000 <= now) this.#expiries.delete(jti);
  }
}
