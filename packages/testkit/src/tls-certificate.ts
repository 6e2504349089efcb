// A self-signed TLS certificate for 127.0.0.1, made when asked, so tests can serve https on loopback (an identity
// provider, as a cluster's API server serves its keys) and the code under test can trust it the way operators do,
// through NODE_EXTRA_CA_CERTS. Nothing is committed: no private key lives in the repository.
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface TlsCertificate {
  /** The private key, PEM. */
  key: string;
  /** The certificate, PEM: its own issuer, valid for 127.0.0.1 and localhost for a day. */
  cert: string;
}

export function selfSignedCertificate(): TlsCertificate {
  // Node makes the key (fast); forge, which has no native code, makes and signs the certificate.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 86_400_000);
  const name = [{ name: 'commonName', value: '127.0.0.1' }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
  ]);
  certificate.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  return { key, cert: forge.pki.certificateToPem(certificate) };
}
