export { type ConnectProxy, startConnectProxy } from './connect-proxy.js';
export type { Fault, FaultTiming } from './fake-cloud/faults.js';
export type { FakeKeys } from './fake-cloud/gateway-auth.js';
export type { FakeUser, IssuedToken } from './fake-cloud/iam.js';
export type { DesktopKind, FaultPlan, LogoffRecord } from './fake-cloud/logoff-service.js';
export { type FakeCloud, type FakeCloudOptions, startFakeCloud } from './fake-cloud/server.js';
export { freePort } from './free-port.js';
export { type Handler, type LocalServer, type RecordedRequest, startLocalServer } from './http-server.js';
export {
  type HeldAnswer,
  type IdentityProvider,
  type IdentityProviderEndpoint,
  type IdentityProviderFault,
  type IdentityProviderOptions,
  type SigningAlgorithm,
  type SignOptions,
  startIdentityProvider,
} from './identity-provider.js';
export { relativeLinks } from './markdown-links.js';
export { type PrismOptions, type RunningPrism, startPrism } from './prism.js';
export { type BlockCheck, describeReadmeExamples } from './readme-examples/describe.js';
export { type RedisOptions, type RunningRedis, startRedis } from './redis.js';
export { seededRandom } from './seeded-random.js';
export { specPath } from './spec-path.js';
export { selfSignedCertificate, type TlsCertificate } from './tls-certificate.js';
