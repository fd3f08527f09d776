export default function Loading() {
  return <p className="text-sm text-slate-500">Opening agent assist… (the first visit generates the demo customers and orders)</p>;
}
