import type { Metadata } from 'next';
import { MainNav } from '@/components/main-nav';
import { ServiceStatusBanner } from '@/components/service-status-banner';
import { currentActor } from '@/lib/server/auth/actor';
import './globals.css';

export const metadata: Metadata = {
  title: 'Cue — realtime voice coaching',
  description: 'Live hints in your meetings and role-play practice with a demanding client.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor().catch(() => null);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <MainNav account={actor ? { name: actor.name, role: actor.role } : null} />
        </header>
        <ServiceStatusBanner />
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
