/**
 * Loads the settings codec (codec.ts: THE schema, zod) on demand: when the stored copy is
 * first read (after mount) and with the settings panel. Shared by every caller; a failed
 * download is forgotten so the next caller tries again.
 */
export type SettingsCodec = typeof import('./codec');

let loaded: SettingsCodec | null = null;
let loading: Promise<SettingsCodec> | null = null;

export function loadSettingsCodec(): Promise<SettingsCodec> {
  loading ??= import('./codec').then(
    (codec) => (loaded = codec),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The codec if it has loaded, else null (the store then refuses writes instead of guessing). */
export function loadedSettingsCodec(): SettingsCodec | null {
  return loaded;
}
