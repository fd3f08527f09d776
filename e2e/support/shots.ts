import path from 'node:path';

/** Where specs save screenshots to look at: test-results/shots, or CUE_SHOTS_DIR (kept across other runs). */
export function shotPath(name: string): string {
  return path.join(process.env.CUE_SHOTS_DIR ?? 'test-results/shots', `${name}.png`);
}
