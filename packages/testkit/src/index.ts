export { type ConnectProxy, startConnectProxy } from './connect-proxy.js';
export type { Fault, FaultTiming } from './fake-cloud/faults.js';
export type { FakeUser, IssuedToken } from './fake-cloud/iam.js';
export {
  type FakeCloud,
  type FakeCloudOptions,
  type LogoffRecord,
  startFakeCloud,
} from './fake-cloud/server.js';
export { freePort } from './free-port.js';
export { type Handler, type LocalServer, type RecordedRequest, startLocalServer } from './http-server.js';
export { type PrismOptions, type RunningPrism, startPrism } from './prism.js';
export { specPath } from './spec-path.js';
