export { createAdminSessions, type AdminSessions, type SignedIn } from './admin-sessions';
export { createApiKeys, type ApiKeys } from './api-keys';
export { createFirstOwner, type FirstOwner } from './first-owner';
export { actorOf, permissionsOfRole, type Permission, type Principal } from './principal';
export { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from './rate-limiter';
export { csrfTokenFor, deriveKey, randomToken, safeEqual, tokenHash } from './tokens';
