'use client';

import dynamic from 'next/dynamic';

/** The embed page's widget, browser only: its session needs window, the microphone and Web Audio. */
export const EmbedWidgetLoader = dynamic(() => import('./embed-widget'), {
  ssr: false,
  loading: () => <div className="fixed inset-0 z-50 bg-white" data-testid="embed-widget" data-phase="loading" />,
});
