'use client';

import { RouteError } from '@/components/route-error';

export default function PastMeetingsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError error={error} reset={reset} back={{ href: '/live/history', label: 'Past meetings' }} />;
}
