import type { Metadata } from 'next';
import Link from 'next/link';
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
          <nav className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3 text-sm" aria-label="Main">
            <Link href="/" className="text-base font-semibold text-cue">
              Cue
            </Link>
            <Link href="/live" className="text-slate-700 hover:text-cue">
              Live assistant
            </Link>
            <Link href="/practice" className="text-slate-700 hover:text-cue">
              Practice
            </Link>
            <Link href="/history" className="text-slate-700 hover:text-cue">
              History
            </Link>
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
