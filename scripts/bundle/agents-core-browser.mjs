/**
 * What the browser bundle gets for the bare '@openai/agents-core' (a browser-only alias in
 * next.config.ts). The SDK's realtime package imports a handful of names from that barrel;
 * the barrel itself re-exports the whole text-agent SDK (run state, sandbox, session
 * persistence...) and a bundler keeps every re-exported module it cannot prove pure. This
 * barrel re-exports just those names, from the same files, and does what the real barrel
 * does on import (register the default trace processor). agents-core-browser.test.ts pins
 * both: every name the realtime package imports is here and is the very same object.
 */
import { addTraceProcessor } from '../../node_modules/@openai/agents-core/dist/tracing/index.mjs';
import { defaultProcessor } from '../../node_modules/@openai/agents-core/dist/tracing/processor.mjs';

addTraceProcessor(defaultProcessor());

export { RuntimeEventEmitter } from '@openai/agents-core/_shims';
export { Agent } from '../../node_modules/@openai/agents-core/dist/agent.mjs';
export { setSensitiveDataLoggingEnabled } from '../../node_modules/@openai/agents-core/dist/config.mjs';
export { ModelBehaviorError, OutputGuardrailTripwireTriggered, UserError } from '../../node_modules/@openai/agents-core/dist/errors.mjs';
export { defineOutputGuardrail } from '../../node_modules/@openai/agents-core/dist/guardrail.mjs';
export { getTransferMessage } from '../../node_modules/@openai/agents-core/dist/handoff.mjs';
export { RunToolApprovalItem } from '../../node_modules/@openai/agents-core/dist/items.mjs';
export { getLogger } from '../../node_modules/@openai/agents-core/dist/logger.mjs';
export { RunContext } from '../../node_modules/@openai/agents-core/dist/runContext.mjs';
export { invokeFunctionTool, tool } from '../../node_modules/@openai/agents-core/dist/tool.mjs';
export { Usage } from '../../node_modules/@openai/agents-core/dist/usage.mjs';
export { runToolInputGuardrails, runToolOutputGuardrails } from '../../node_modules/@openai/agents-core/dist/utils/toolGuardrails.mjs';
