'use client';

import dynamic from 'next/dynamic';

/**
 * Their channel's bar loads just after the page (the live page's first load has a budget); a
 * frame of the same height holds its place meanwhile, so nothing moves when it arrives.
 */
export const LazyThemChannelBar = dynamic(() => import('./them-channel-bar').then((m) => m.ThemChannelBar), {
  ssr: false,
  loading: () => <div data-testid="them-channel-loading" aria-hidden className="h-[3.25rem] rounded-xl border border-violet-200 bg-violet-50/60" />,
});
