/**
 * Preloaded into the Next.js server by scripts/run.ts (node --import). Stamps every request
 * with the address of the socket it came on, as `x-cue-peer-address`, overwriting whatever a
 * client sent under that name: lib/server/model-access/client-ip.ts reads it, because Next
 * keeps a client-written X-Forwarded-For as is.
 */
import http from 'node:http';

const HEADER = 'x-cue-peer-address';
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeerAddress(event, req, ...rest) {
  if ((event === 'request' || event === 'upgrade') && req && req.headers) {
    req.headers[HEADER] = (req.socket && req.socket.remoteAddress) || '';
  }
  return emit.call(this, event, req, ...rest);
};
