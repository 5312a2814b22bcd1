import { describe, expect, it } from 'vitest';
import { PermanentJobError } from '../../job-queue';
import { classifySmtpError } from './classify-smtp-error';

const server = 'mail.example:587';
const message = { to: 'zoe@example.org', from: 'no-reply@countersign.example' };
const classify = (failure: object) => classifySmtpError(Object.assign(new Error('x'), failure), server, message);

describe('classifySmtpError', () => {
  it('treats 5xx replies as permanent and 4xx replies, and 503, as transient', () => {
    expect(classify({ responseCode: 552, command: 'DATA', response: '552 5.3.4 Message too big' })).toBeInstanceOf(
      PermanentJobError,
    );
    expect(classify({ responseCode: 421, command: 'CONN', response: '421 Too busy' })).not.toBeInstanceOf(PermanentJobError);
    expect(classify({ responseCode: 503, command: 'DATA', response: '503 Bad sequence' })).not.toBeInstanceOf(
      PermanentJobError,
    );
  });

  it('names the refused sender', () => {
    const error = classify({ responseCode: 553, permanent: true, command: 'MAIL FROM', response: '553 5.7.1 Sender not allowed' });
    expect(error).toBeInstanceOf(PermanentJobError);
    expect(error.message).toBe('The mail server refused the sender no-reply@countersign.example (553 5.7.1 Sender not allowed).');
  });

  it('explains network failures in plain words, as transient', () => {
    const dns = classify({ code: 'EDNS', originalCode: 'ENOTFOUND' });
    expect(dns.message).toBe('The mail server host of mail.example:587 could not be resolved (ENOTFOUND).');
    const tls = classify({ code: 'ETLS', message: 'self-signed certificate' });
    expect(tls.message).toBe('The TLS handshake with the mail server mail.example:587 failed: self-signed certificate.');
    const reset = classify({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' });
    expect(reset.message).toBe('Sending mail through mail.example:587 failed: Connection closed unexpectedly.');
    for (const error of [dns, tls, reset]) expect(error).not.toBeInstanceOf(PermanentJobError);
  });

  it('keeps a long multi-line server reply to one bounded line', () => {
    const error = classify({ responseCode: 550, command: 'DATA', response: `550-first\r\n550 ${'x'.repeat(1000)}` });
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message.length).toBeLessThan(400);
  });
});

describe('classifySmtpError on TLS problems', () => {
  it('names a server without STARTTLS, a port without TLS, and a refused certificate, and says where to fix a login', () => {
    expect(classify({ code: 'ETLS', command: 'STARTTLS', responseCode: 500, response: '500 Error: command not recognized' }).message).toBe(
      'The mail server mail.example:587 could not switch to TLS with STARTTLS (500 Error: command not recognized).',
    );
    expect(classify({ code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER', message: 'ssl3_get_record:wrong version number' }).message).toMatch(
      /does not speak TLS from the start on this port; use STARTTLS/,
    );
    expect(classify({ code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }).message).toBe(
      'The TLS certificate of the mail server mail.example:587 was not accepted: certificate has expired.',
    );
    const login = classifySmtpError(Object.assign(new Error('x'), { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 no' }), server, message, 'in Settings › Outgoing mail');
    expect(login.message).toBe('The mail server mail.example:587 refused the login (535 no); check the user and password in Settings › Outgoing mail.');
  });
});
