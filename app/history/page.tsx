export default function HistoryPage() {
  return (
    <section className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="coming-soon">
      <h1 className="text-xl font-semibold text-ink">Practice history — coming soon</h1>
      <p className="mt-2 text-sm text-slate-600">Your practice sessions, scores and progress will appear here.</p>
    </section>
  );
}
