import type { Metadata } from 'next';
import { MainNav } from '@/components/main-nav';
import { ServiceStatusBanner } from '@/components/service-status-banner';
import './globals.css';

export const metadata: Metadata = {
  title: 'Cue — realtime voice coaching',
  description: 'Live hints in your meetings and role-play practice with a demanding client.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <MainNav />
        </header>
        <ServiceStatusBanner />
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
