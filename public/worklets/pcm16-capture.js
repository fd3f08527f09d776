/*
 * AudioWorklet processor "pcm16-capture": mixes its input to mono, resamples from the
 * context rate to 24 kHz (box-filter decimation when downsampling, linear interpolation when
 * upsampling), converts to PCM16 and posts fixed-size chunks with their RMS level:
 *   port.postMessage({ type: 'chunk', pcm: ArrayBuffer (Int16, little-endian), rms: 0..1 })
 * processorOptions: { targetRate = 24000, chunkMs = 80 }.
 * Classic script on purpose (no imports): lib/realtime/pcm16-capture.test.ts runs it in a VM.
 */
class Pcm16CaptureProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const opts = (options && options.processorOptions) || {};
    this.targetRate = opts.targetRate || 24000;
    this.chunkSamples = Math.max(1, Math.round((this.targetRate * (opts.chunkMs || 80)) / 1000));
    this.ratio = sampleRate / this.targetRate;
    this.out = new Int16Array(this.chunkSamples);
    this.outIndex = 0;
    this.sumSquares = 0;
    // decimation state
    this.acc = 0;
    this.accCount = 0;
    this.phase = 0;
    // interpolation state
    this.prev = null;
    this.pos = 0;
    this.port.onmessage = (event) => {
      if (event.data && event.data.type === 'flush') this.emit();
    };
  }

  push(sample) {
    const s = sample > 1 ? 1 : sample < -1 ? -1 : sample;
    this.sumSquares += s * s;
    this.out[this.outIndex++] = s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
    if (this.outIndex === this.chunkSamples) this.emit();
  }

  emit() {
    if (this.outIndex === 0) return;
    const pcm = this.outIndex === this.chunkSamples ? this.out : this.out.slice(0, this.outIndex);
    const rms = Math.sqrt(this.sumSquares / this.outIndex);
    this.port.postMessage({ type: 'chunk', pcm: pcm.buffer, rms }, [pcm.buffer]);
    this.out = new Int16Array(this.chunkSamples);
    this.outIndex = 0;
    this.sumSquares = 0;
  }

  process(inputs) {
    const input = inputs[0];
    if (!input || input.length === 0 || !input[0]) return true;
    const frames = input[0].length;
    const channels = input.length;
    for (let i = 0; i < frames; i++) {
      let x = 0;
      for (let c = 0; c < channels; c++) x += input[c][i];
      x /= channels;
      if (this.ratio >= 1) {
        this.acc += x;
        this.accCount++;
        this.phase += 1;
        if (this.phase >= this.ratio) {
          this.push(this.acc / this.accCount);
          this.acc = 0;
          this.accCount = 0;
          this.phase -= this.ratio;
        }
      } else {
        if (this.prev === null) this.prev = x;
        while (this.pos < 1) {
          this.push(this.prev + (x - this.prev) * this.pos);
          this.pos += this.ratio;
        }
        this.pos -= 1;
        this.prev = x;
      }
    }
    return true;
  }
}

registerProcessor('pcm16-capture', Pcm16CaptureProcessor);
