export { bridge } from './transport';
export { api, ApiCallError, errorMessage } from './api';
export { useConnection } from './connection';
