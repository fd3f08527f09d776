/** What the transcript says before anything was said (also shown while the transcript view loads). */
export function TranscriptEmpty() {
  return (
    <p className="py-12 text-center text-sm text-slate-500">
      Connect, then talk. What is said appears here; ask for a hint with a trigger phrase, the buttons, H or G.
    </p>
  );
}
