import { describe, expect, it } from 'vitest';
import { speechCapabilities, speechLogLine } from './capabilities';

describe('speech capabilities', () => {
  it('reports both available with nothing to install', () => {
    const speech = speechCapabilities({ ok: true, problems: [] }, { engine: 'flite', problems: [] });
    expect(speech).toEqual({
      recognition: { available: true, install: [], problems: [] },
      synthesis: { available: true, engine: 'flite', install: [], problems: [] },
    });
    expect(speechLogLine(speech)).toBe('speech: recognition pocketsphinx (en-us); synthesis flite');
  });

  it('names the packages to install for what is missing', () => {
    const speech = speechCapabilities({ ok: false, problems: ['libpocketsphinx.so.3 does not load'] }, { engine: null, problems: ['flite is not installed', 'espeak-ng is not installed'] });
    expect(speech.recognition.install).toEqual(['libpocketsphinx3', 'pocketsphinx-en-us']);
    expect(speech.synthesis).toMatchObject({ available: false, engine: null, install: ['flite'] });
    expect(speechLogLine(speech)).toBe(
      'speech: no speech recognition (libpocketsphinx.so.3 does not load): install libpocketsphinx3 pocketsphinx-en-us; ' +
        'no speech output, replies are a tone (flite is not installed; espeak-ng is not installed): install flite',
    );
  });

  it('counts espeak-ng as speech output when flite is missing', () => {
    const speech = speechCapabilities({ ok: true, problems: [] }, { engine: 'espeak-ng', problems: ['flite is not installed'] });
    expect(speech.synthesis).toEqual({ available: true, engine: 'espeak-ng', install: [], problems: [] });
  });
});
