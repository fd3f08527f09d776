import { z } from 'zod';

/**
 * In the browser, zod probes `new Function('')` to pick a faster parser; under Cue's
 * Content-Security-Policy (no 'unsafe-eval') that probe is a reported violation. Jitless
 * parsing is as correct and fast enough for the page's small inputs. Imported for its effect
 * by the root layout's status banner, which every page loads before it parses anything.
 */
if (typeof window !== 'undefined') z.config({ jitless: true });
