import 'server-only';
import { Runner, type Model } from '@openai/agents';
import { createDebriefCoach, buildDebriefInput, DEBRIEF_MODEL } from '@/agents/debrief-coach';
import { realtimeBackend } from '@/lib/server/env';
import { openAITextModelProvider } from '@/lib/server/model-access/text-model-provider';
import { normaliseSpeech } from '@/lib/shared/escalation-phrases';
import { buildRubricDebrief, RUBRIC_NOTE } from '@/lib/practice/debrief/rubric';
import { type DebriefInput } from '@/lib/contracts/debrief';
import type { CriterionVerdict, Debrief, DebriefErrorCode, DebriefModelOutput } from '@/lib/contracts/debrief';

/**
 * The one place a debrief is produced. The AI coach runs when the app's realtime
 * backend is OpenAI; otherwise, and whenever the model fails, the offline rubric does.
 */

const DEFAULT_DEBRIEF_TIMEOUT_MS = 45_000;

export type RunDebriefOptions = {
  /** Defaults to the app's configured backend (lib/server/env.ts). */
  backend?: 'local' | 'openai';
  /** A model name for the OpenAI provider, or a Model instance (tests pass a ScriptedModel). */
  model?: string | Model;
  timeoutMs?: number;
};

export const DEBRIEF_ERROR_MESSAGES: Record<DebriefErrorCode, string> = {
  upstream_unauthorized: 'OpenAI refused the API key, so the offline rubric scored this call.',
  upstream_rate_limited: 'OpenAI is rate-limiting requests right now, so the offline rubric scored this call.',
  upstream_unavailable: 'OpenAI could not be reached, so the offline rubric scored this call.',
  timeout: 'The AI debrief took too long, so the offline rubric scored this call.',
  upstream_invalid_output: 'The AI debrief came back malformed, so the offline rubric scored this call.',
};

class DebriefTimeout extends Error {
  override name = 'DebriefTimeout';
}

/** Map whatever the SDK or the OpenAI client threw to one of our codes. */
export function classifyDebriefError(error: unknown): DebriefErrorCode {
  if (error instanceof DebriefTimeout) return 'timeout';
  const e = error as { name?: unknown; status?: unknown; constructor?: { name?: string } } | null;
  const name = typeof e?.name === 'string' ? e.name : (e?.constructor?.name ?? '');
  const status = typeof e?.status === 'number' ? e.status : undefined;
  if (/timeout/i.test(name)) return 'timeout';
  if (status === 401 || status === 403) return 'upstream_unauthorized';
  if (status === 429) return 'upstream_rate_limited';
  if (name === 'ModelBehaviorError' || name === 'ZodError' || name === 'InvalidToolInputError') return 'upstream_invalid_output';
  return 'upstream_unavailable';
}

/** Line the model's verdicts up with the scenario's criteria; note anything missing or unquoted. */
function reconcileCriteria(
  criteria: readonly string[],
  verdicts: readonly CriterionVerdict[],
  userUtterances: readonly string[],
): { criteria: CriterionVerdict[]; notes: string[] } {
  const notes: string[] = [];
  const byText = new Map(verdicts.map((v) => [normaliseSpeech(v.criterion), v]));
  const sameLength = verdicts.length === criteria.length;
  const spoken = ` ${userUtterances.map(normaliseSpeech).join(' ')} `;
  const out = criteria.map((criterion, i) => {
    const v = byText.get(normaliseSpeech(criterion)) ?? (sameLength ? verdicts[i] : undefined);
    if (!v) {
      notes.push(`The AI coach gave no verdict for "${criterion}"; it is shown as not met.`);
      return { criterion, met: false, evidence: '' };
    }
    const quote = normaliseSpeech(v.evidence);
    if (v.met && quote && !spoken.includes(` ${quote} `)) {
      notes.push(`The quote given for "${criterion}" is not word-for-word in your transcript.`);
    }
    return { criterion, met: v.met, evidence: v.evidence.trim() };
  });
  return { criteria: out, notes };
}

function withTimeout<T>(promise: Promise<T>, ms: number, controller: AbortController): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DebriefTimeout(`debrief timed out after ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runModelDebrief(input: DebriefInput, options: RunDebriefOptions): Promise<DebriefModelOutput> {
  const model = options.model ?? DEBRIEF_MODEL;
  const provider = typeof model === 'string' ? openAITextModelProvider() : null;
  if (typeof model === 'string' && !provider) {
    throw Object.assign(new Error('OPENAI_API_KEY is not set'), { status: 401 });
  }
  const runner =
    provider
      ? new Runner({
          modelProvider: provider,
          tracingDisabled: true,
          traceIncludeSensitiveData: false,
        })
      : new Runner({ tracingDisabled: true, traceIncludeSensitiveData: false });
  const controller = new AbortController();
  const run = runner.run(createDebriefCoach(model), buildDebriefInput(input), { maxTurns: 1, signal: controller.signal });
  const result = await withTimeout(run, options.timeoutMs ?? DEFAULT_DEBRIEF_TIMEOUT_MS, controller);
  if (!result.finalOutput) throw Object.assign(new Error('the debrief agent returned no output'), { name: 'ModelBehaviorError' });
  return result.finalOutput;
}

export async function runDebrief(input: DebriefInput, options: RunDebriefOptions = {}): Promise<Debrief> {
  const backend = options.backend ?? realtimeBackend();
  if (backend !== 'openai') return buildRubricDebrief(input);
  try {
    const output = await runModelDebrief(input, options);
    const utterances = input.transcript.filter((i) => i.speaker === 'user').map((i) => i.text);
    const { criteria, notes } = reconcileCriteria(
      input.scenario.successCriteria.map((c) => c.text),
      output.criteria,
      utterances,
    );
    return { ...output, criteria, source: 'model', notes, fallback: null };
  } catch (error) {
    const code = classifyDebriefError(error);
    console.warn(`[debrief] model path failed (${code}); using the rubric`, error instanceof Error ? error.message : error);
    const rubric = buildRubricDebrief(input);
    const message = DEBRIEF_ERROR_MESSAGES[code];
    return { ...rubric, notes: [message, RUBRIC_NOTE], fallback: { code, message } };
  }
}
