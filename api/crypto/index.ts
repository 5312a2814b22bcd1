export { createSealer, isSealed, keyIdOf, UnsealError, type Sealed, type Sealer } from './sealing';
export { loadOrCreateMasterKey } from './master-key';
export { hashPassword, verifyPassword, dummyPasswordHash } from './password-hash';
