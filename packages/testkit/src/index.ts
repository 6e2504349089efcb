export { freePort } from './free-port.js';
export { type Handler, type LocalServer, type RecordedRequest, startLocalServer } from './http-server.js';
export { type PrismOptions, type RunningPrism, startPrism } from './prism.js';
export { specPath } from './spec-path.js';
