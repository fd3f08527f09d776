import { type EngineSpeech, SPEECH_PACKAGES } from '@/lib/contracts/engine-speech';
import { probeRecognition, type RecognitionProbe } from './recognition/probe';
import { probeSynthesis, type SynthesisProbe } from './synthesis/probe';

/**
 * The engine's speech, both probes combined, in the health check's shape; and
 * the startup log line that says it.
 */
export function speechCapabilities(recognition: RecognitionProbe, synthesis: SynthesisProbe): EngineSpeech {
  return {
    recognition: { available: recognition.ok, install: recognition.ok ? [] : [...SPEECH_PACKAGES.recognition], problems: recognition.problems },
    synthesis: {
      available: synthesis.engine !== null,
      engine: synthesis.engine,
      install: synthesis.engine ? [] : [...SPEECH_PACKAGES.synthesis],
      problems: synthesis.engine ? [] : synthesis.problems,
    },
  };
}

/** Probe both (synthesis only when the engine is to speak; else it reports the tone). */
export async function probeSpeech(opts: { synthesis: boolean }): Promise<EngineSpeech> {
  const [recognition, synthesis] = await Promise.all([
    probeRecognition(),
    opts.synthesis ? probeSynthesis() : Promise.resolve<SynthesisProbe>({ engine: null, problems: ['speech synthesis is off (tone replies)'] }),
  ]);
  return speechCapabilities(recognition, synthesis);
}

export function speechLogLine(speech: EngineSpeech): string {
  const { recognition: r, synthesis: s } = speech;
  const heard = r.available ? 'recognition pocketsphinx (en-us)' : `no speech recognition (${r.problems.join('; ')}): install ${r.install.join(' ')}`;
  const said = s.available ? `synthesis ${s.engine}` : `no speech output, replies are a tone (${s.problems.join('; ')}): install ${s.install.join(' ')}`;
  return `speech: ${heard}; ${said}`;
}
