'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

type Failure = { code: string; message: string; fieldErrors?: { path: string; message: string }[] };
type Result<T> = { ok: true; data: T } | { ok: false; error: Failure };

/**
 * A form that sends its fields to a server action: pending state, the failure message and
 * per-field errors. Nothing typed is cleared on a failure.
 */
export function useActionForm<T>(send: (fields: Record<string, string>) => Promise<Result<T>>, onDone: (data: T) => void) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<Failure | null>(null);
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
    start(async () => {
      try {
        const result = await send(fields);
        if (result.ok) {
          setError(null);
          onDone(result.data);
        } else setError(result.error);
      } catch {
        setError({ code: 'network', message: 'The server could not be reached. Check that Cue is running and try again.' });
      }
    });
  };
  const fieldError = (path: string) => error?.fieldErrors?.find((e) => e.path === path)?.message;
  return { pending, error, submit, fieldError };
}

/** Go to a page of the app after signing in or out, and re-render the layout (the nav shows who is signed in). */
export function useGo() {
  const router = useRouter();
  return (path: string) => {
    router.replace(path);
    router.refresh();
  };
}
