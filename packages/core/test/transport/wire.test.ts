// What core's transports put on the wire: the body the client remembered, else the Request's own bytes.
import { describe, expect, it } from 'vitest';
import { OutgoingRequest } from '../../src/client/outgoing-request.js';
import { bodyOf, rememberBody, toWire } from '../../src/transport/wire.js';

describe('the wire form of a request', () => {
  it('takes the remembered body of a light request, and its headers as a plain object', async () => {
    const request = new OutgoingRequest('https://x.example/v2/p/desktops/logoff', {
      method: 'post',
      headers: { 'Content-Type': 'application/json', 'X-Auth-Token': 't' },
    }) as unknown as Request;
    rememberBody(request, '{"desktop_ids":["d"]}');
    const wire = await toWire(request);
    expect(wire).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
      body: '{"desktop_ids":["d"]}',
    });
    expect(wire.url.href).toBe('https://x.example/v2/p/desktops/logoff');
  });

  it('reads a web Request’s own body when nothing was remembered, and none when it has none', async () => {
    const posted = () => new Request('https://x.example/', { method: 'POST', body: 'bytes' });
    expect(Buffer.from((await bodyOf(posted())) as ArrayBuffer).toString()).toBe('bytes');
    expect((await toWire(posted())).body?.toString()).toBe('bytes');
    expect(await bodyOf(new Request('https://x.example/'))).toBeNull();
  });
});
