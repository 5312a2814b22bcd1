import { describe, expect, it } from 'vitest';
import { routeKind } from './create-http-app';

describe('routeKind (the route label of the HTTP metrics)', () => {
  it('names each step of a sign-in', () => {
    expect(routeKind('POST', '/saml/svc-1/sso')).toBe('saml-sso');
    expect(routeKind('GET', '/saml/svc-1/sso')).toBe('saml-sso');
    expect(routeKind('GET', '/saml/svc-1/signin/abc')).toBe('signin-page');
    expect(routeKind('POST', '/saml/svc-1/signin/abc')).toBe('signin-password');
    expect(routeKind('GET', '/saml/svc-1/signin/abc/approve')).toBe('signin-approve');
    expect(routeKind('GET', '/saml/svc-1/signin/abc/wait')).toBe('signin-wait');
    expect(routeKind('POST', '/saml/svc-1/signin/abc/continue')).toBe('signin-continue');
    expect(routeKind('POST', '/api/challenges/c-1/answer')).toBe('device-answer');
  });

  it('keeps to a fixed set of labels whatever the path holds', () => {
    expect(routeKind('GET', '/saml/svc-1/signin/abc/approve/extra')).toBe('saml-other');
    expect(routeKind('GET', '/saml/a/b/c')).toBe('saml-other');
    expect(routeKind('POST', '/api/enroll/x/activate')).toBe('device-api');
    expect(routeKind('GET', '/graphql')).toBe('graphql');
    expect(routeKind('GET', '/metrics')).toBe('ops');
    expect(routeKind('GET', '/directories/new')).toBe('web');
  });
});
