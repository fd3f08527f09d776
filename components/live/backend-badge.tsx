import { backendLabel } from '@/lib/live/backend-label';
import type { Backend } from '@/lib/realtime/store/types';

/** Which engine answers: the local engine (scripted, no AI) or the OpenAI model. Same badge on the home page and /live. */
export function BackendBadge({ backend, model = null }: { backend: Backend; model?: string | null }) {
  return (
    <span
      data-testid="backend-badge"
      data-backend={backend}
      className="rounded-md bg-slate-100 px-2 py-1 text-xs font-medium text-slate-700"
      title={backend === 'local' ? 'Replies are scripted by the local engine; no AI model is called.' : undefined}
    >
      {backendLabel(backend, model)}
    </span>
  );
}
