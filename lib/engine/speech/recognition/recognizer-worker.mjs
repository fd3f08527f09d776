/**
 * One pocketsphinx decoder in a worker thread (plain ESM so it loads the same
 * under tsx, vitest and node). The main thread posts 16 kHz PCM16 chunks;
 * after each chunk this posts the partial hypothesis, and at the end of an
 * utterance the final one. Messages in:
 *   { type: 'begin' } | { type: 'audio', pcm: Int16Array } | { type: 'end', seq } | { type: 'abort' } | { type: 'close' }
 * Messages out:
 *   { type: 'ready', initMs } | { type: 'partial', text, computeMs } (one per audio chunk; 'decoded' when no
 *   utterance is open) | { type: 'final', seq, text, computeMs }
 *   | { type: 'failed', code, message }
 * The C API is Debian's pocketsphinx 0.8+5prealpha (libpocketsphinx.so.3, libsphinxbase.so.3).
 */
import { parentPort, workerData } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('recognizer-worker must run in a worker thread');

function fail(code, message) {
  port.postMessage({ type: 'failed', code, message });
}

async function bind() {
  const koffi = (await import('koffi')).default;
  const sb = koffi.load('libsphinxbase.so.3');
  const ps = koffi.load('libpocketsphinx.so.3');
  return {
    args: ps.func('void *ps_args()'),
    parse: sb.func('void *cmd_ln_parse_r(void *inout, void *defn, int argc, const char **argv, int strict)'),
    freeConfig: sb.func('int cmd_ln_free_r(void *config)'),
    init: ps.func('void *ps_init(void *config)'),
    startUtt: ps.func('int ps_start_utt(void *ps)'),
    processRaw: ps.func('int ps_process_raw(void *ps, const int16_t *data, size_t n, int no_search, int full_utt)'),
    getHyp: ps.func('const char *ps_get_hyp(void *ps, _Out_ int32_t *score)'),
    endUtt: ps.func('int ps_end_utt(void *ps)'),
    free: ps.func('int ps_free(void *ps)'),
  };
}

async function main() {
  const { modelDir, extraArgs = [] } = workerData ?? {};
  const started = performance.now();
  let api;
  try {
    api = await bind();
  } catch (error) {
    return fail('library_missing', `pocketsphinx could not be loaded (${error instanceof Error ? error.message : String(error)}).`);
  }
  const argv = ['-hmm', `${modelDir}/en-us`, '-lm', `${modelDir}/en-us.lm.bin`, '-dict', `${modelDir}/cmudict-en-us.dict`, '-logfn', '/dev/null', ...extraArgs];
  const config = api.parse(null, api.args(), argv.length, argv, 1);
  const decoder = config ? api.init(config) : null;
  if (!decoder) {
    if (config) api.freeConfig(config);
    return fail('model_missing', `pocketsphinx could not load its model from ${modelDir}.`);
  }
  let inUtterance = false;
  const score = [0];
  const hyp = () => api.getHyp(decoder, score) ?? '';
  const close = () => {
    if (inUtterance) api.endUtt(decoder);
    api.free(decoder);
    api.freeConfig(config);
    port.close();
  };
  port.on('message', (msg) => {
    try {
      const t0 = performance.now();
      if (msg.type === 'begin') {
        if (inUtterance) api.endUtt(decoder);
        inUtterance = api.startUtt(decoder) >= 0;
      } else if (msg.type === 'audio') {
        if (!inUtterance) return void port.postMessage({ type: 'decoded', computeMs: 0 });
        api.processRaw(decoder, msg.pcm, msg.pcm.length, 0, 0);
        port.postMessage({ type: 'partial', text: hyp(), computeMs: performance.now() - t0 });
      } else if (msg.type === 'end' || msg.type === 'abort') {
        let text = '';
        if (inUtterance) {
          api.endUtt(decoder);
          text = hyp();
        }
        inUtterance = false;
        if (msg.type === 'end') port.postMessage({ type: 'final', seq: msg.seq, text, computeMs: performance.now() - t0 });
      } else if (msg.type === 'close') {
        close();
      }
    } catch (error) {
      fail('decoder_error', error instanceof Error ? error.message : String(error));
    }
  });
  port.postMessage({ type: 'ready', initMs: performance.now() - started });
}

main().catch((error) => fail('decoder_error', error instanceof Error ? error.message : String(error)));
