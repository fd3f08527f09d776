import type { Metadata } from 'next';
import { MainNav } from '@/components/main-nav';
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
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
