'use client';

import { RouteError } from '@/components/route-error';

export default function PracticeError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError error={error} reset={reset} back={{ href: '/practice', label: 'Practice' }} />;
}
