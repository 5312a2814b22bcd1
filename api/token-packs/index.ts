export { createTokenPackService, DEFAULT_TOKEN_PACK_THEME, MAX_ENROLLMENT_LINK_DAYS, type TokenPackInput, type TokenPackService, type TokenPackServiceDeps, type TrustedNetworkInput } from './token-pack-service';
export { createTokenPackQueries, type TokenPackQueries, type TokenPackRow, type TokenPackSendRow, type TokenPackServiceRow, type TrustedNetworkRow } from './token-pack-queries';
export { createEnrollmentLink, signEnrollmentToken, verifyEnrollmentLink, DEFAULT_ENROLLMENT_LINK_DAYS, type EnrollmentLinkInput, type EnrollmentLinkPayload } from './enrollment-link';
export { isTrusted, trustedNetworkMatcher } from './trusted-networks';
export { seedTenantTokenPack } from './seed-tenant-token-pack';
