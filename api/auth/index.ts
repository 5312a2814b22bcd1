export { createAdminSessions, type AdminSessions, type SignedIn } from './admin-sessions';
export { createAdminAccounts, MIN_ADMIN_PASSWORD, type AdminAccountRow, type AdminAccounts, type InvitationView } from './admin-accounts';
export { createApiKeys, type ApiKeys } from './api-keys';
export { createFirstOwner, type FirstOwner } from './first-owner';
export { actorOf, permissionsOfRole, type Permission, type Principal } from './principal';
export { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter, type RateLimitPolicy } from './rate-limiter';
export { csrfTokenFor, deriveKey, randomToken, safeEqual, tokenHash } from './tokens';
export { createSignInPolicies, type SignInPolicies } from './sign-in-policy';
