'use client';

import { RouteError } from '@/components/route-error';

export default function HistoryError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError error={error} reset={reset} back={{ href: '/history', label: 'History' }} />;
}
