import { describe, expect, it } from 'vitest';
import { routeKind } from './create-http-app';

describe('routeKind (the route label of the HTTP metrics)', () => {
  it.each([
    ['POST', '/saml/svc-1/sso', 'saml-sso'],
    ['GET', '/saml/svc-1/sso', 'saml-sso'],
    ['GET', '/saml/svc-1/signin/abc', 'signin-page'],
    ['POST', '/saml/svc-1/signin/abc', 'signin-password'],
    ['GET', '/saml/svc-1/signin/abc/approve', 'signin-approve'],
    ['GET', '/saml/svc-1/signin/abc/wait', 'signin-wait'],
    ['POST', '/saml/svc-1/signin/abc/continue', 'signin-continue'],
    ['POST', '/api/challenges/c-1/answer', 'device-answer'],
  ])('names each step of a sign-in: %s %s is %s', (method, path, label) => {
    expect(routeKind(method, path)).toBe(label);
  });

  it.each([
    ['GET', '/saml/svc-1/signin/abc/approve/extra', 'saml-other'],
    ['GET', '/saml/a/b/c', 'saml-other'],
    ['POST', '/api/enroll/x/activate', 'device-api'],
    ['GET', '/graphql', 'graphql'],
    ['GET', '/metrics', 'ops'],
    ['GET', '/directories/new', 'web'],
  ])('keeps to a fixed set of labels whatever the path holds: %s %s is %s', (method, path, label) => {
    expect(routeKind(method, path)).toBe(label);
  });
});
