// Another origin, where the redirect fault points: it answers every request as a successful logoff would (200
// with a request ID of its own), so a client that followed a redirect would count it a success, and it records
// what it received, so tests can prove that no request and no credential ever arrives there.
import { type LocalServer, startLocalServer } from '../http-server.js';

/** Request IDs of the other origin start with this, so a report that holds one shows a followed redirect. */
const ELSEWHERE_REQUEST_ID = 'elsewhere-0000000000000000000000';

export function startElsewhere(): Promise<LocalServer> {
  return startLocalServer((_request, response) => {
    response.writeHead(200, { 'x-request-id': ELSEWHERE_REQUEST_ID, 'content-length': '0' });
    response.end();
  });
}
