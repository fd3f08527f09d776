import type { EngineSpeech } from '@/lib/contracts/engine-speech';
import { backendLabel, localEngineTitle } from '@/lib/live/backend-label';
import type { Backend } from '@/lib/realtime/store/types';

/**
 * Which engine answers: the local engine (scripted, no AI; with the speech it has) or the
 * OpenAI model. Same badge on the home page and /live.
 */
export function BackendBadge({ backend, model = null, speech = null }: { backend: Backend; model?: string | null; speech?: EngineSpeech | null }) {
  const missing = backend === 'local' && speech !== null && !(speech.recognition.available && speech.synthesis.available);
  return (
    <span
      data-testid="backend-badge"
      data-backend={backend}
      data-speech={backend === 'local' && speech ? (missing ? 'partial' : 'offline') : undefined}
      className={`rounded-md px-2 py-1 text-xs font-medium ${missing ? 'bg-amber-50 text-amber-900' : 'bg-slate-100 text-slate-700'}`}
      title={backend === 'local' ? localEngineTitle(speech) : undefined}
    >
      {backendLabel(backend, model, speech)}
    </span>
  );
}
