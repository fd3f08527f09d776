export default function PracticePage() {
  return (
    <section className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="coming-soon">
      <h1 className="text-xl font-semibold text-ink">Role-play practice — coming soon</h1>
      <p className="mt-2 text-sm text-slate-600">Scenario role-play with a scored debrief is being built. Use the live assistant meanwhile.</p>
    </section>
  );
}
