'use client';

import { useEffect, useState, type ComponentType } from 'react';
import { loadSettingsCodec } from '@/lib/live/settings/codec-loader';
import { whenIdle } from '@/lib/shared/when-idle';
import type { SettingsDialogProps } from './settings-dialog';

/**
 * The settings panel, loaded on demand: the dialog, its form and THE schema (zod) are not
 * on the live page's first load. They are fetched while the page is idle, so opening the
 * panel is instant; opened before that, it shows "Loading settings…" for a moment. The
 * schema is loaded with it, so a Save never meets a store without its validator.
 */

type Dialog = ComponentType<SettingsDialogProps>;

let loaded: Dialog | null = null;
let loading: Promise<Dialog> | null = null;

function loadSettingsDialog(): Promise<Dialog> {
  loading ??= Promise.all([import('./settings-dialog'), loadSettingsCodec()]).then(
    ([m]) => (loaded = m.SettingsDialog),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

function describe(error: unknown): string {
  return error instanceof Error && error.message ? ` (${error.message.replace(/\.$/, '')})` : '';
}

export function SettingsDialog(props: SettingsDialogProps) {
  const [Impl, setImpl] = useState<Dialog | null>(() => loaded);
  const [failure, setFailure] = useState<string | null>(null);
  const { open, onOpenChange } = props;

  useEffect(() => {
    if (Impl) return;
    let active = true;
    const load = () =>
      loadSettingsDialog().then(
        (dialog) => {
          if (active) setImpl(() => dialog);
        },
        (error: unknown) => {
          if (active && open) setFailure(`The settings panel could not be loaded${describe(error)}. Check your connection, then try again.`);
        },
      );
    if (open) {
      void load();
      return () => {
        active = false;
      };
    }
    const cancel = whenIdle(() => void load());
    return () => {
      active = false;
      cancel();
    };
  }, [Impl, open]);

  if (Impl) return <Impl {...props} />;
  if (!open) return null;
  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/40" data-testid="settings-dialog-loading">
      <div className="rounded-xl bg-white px-6 py-4 text-sm text-slate-700 shadow-xl">
        {failure ? (
          <div role="alert" className="space-y-3">
            <p>{failure}</p>
            <button
              type="button"
              className="rounded-md border border-slate-300 px-3 py-1.5 font-medium"
              onClick={() => {
                setFailure(null);
                onOpenChange(false);
              }}
            >
              Close
            </button>
          </div>
        ) : (
          <p role="status">Loading settings…</p>
        )}
      </div>
    </div>
  );
}
