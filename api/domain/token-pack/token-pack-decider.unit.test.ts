import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { Sealed } from '../../crypto';
import type { AppError } from '../../errors';
import type { TokenPackEvent, TokenPackSettings } from './events';
import { tokenPackDecider, type SendRequest, type TokenPackCommand } from './token-pack-decider';

const settings: TokenPackSettings = {
  name: 'Staff phones',
  icon: 'token-pack',
  primaryDirectoryId: 'dir-1',
  theme: { primaryColor: '#1F6FEB', accentColor: '#f0883e', logoUrl: null },
};
const created: TokenPackEvent = {
  type: 'TokenPackCreated',
  data: { tokenPackId: 'tp', template: false, ...settings, theme: { ...settings.theme, primaryColor: '#1f6feb' }, localUnlock: 'NONE' },
};
const exists = { primaryDirectoryExists: true };
const url = 'sealed:v1:k:i:u' as Sealed;
const send = (sendId: string, email: string): SendRequest => ({ sendId, email, enrollmentUrl: url, expiresAt: '2030-01-15T00:00:00.000Z' });

/** given these events, when this command: the events decided. */
const when = (given: TokenPackEvent[], command: TokenPackCommand) => tokenPackDecider.decide(command, fold(tokenPackDecider, given));
/** given these events, when this command: the field errors it was refused with. */
const fieldsOf = (given: TokenPackEvent[], command: TokenPackCommand): Record<string, string> => {
  try {
    when(given, command);
  } catch (error) {
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    return (error as AppError).details!.fields as Record<string, string>;
  }
  return expect.unreachable('the command was accepted');
};

describe('token pack decider', () => {
  it('creates a pack with trimmed settings and colours in lower case', () => {
    const events = when([], { type: 'CreateTokenPack', tokenPackId: 'tp', settings: { ...settings, name: '  Staff phones ' }, facts: exists });
    expect(events).toEqual([created]);
  });

  it('says which settings are wrong: name, colours, icon, logo and an unknown primary directory', () => {
    const bad: TokenPackSettings = { name: ' ', icon: 'javascript:alert(1)', primaryDirectoryId: 'gone', theme: { primaryColor: 'blue', accentColor: '#12345', logoUrl: 'http://example.com/logo.png' } };
    expect(fieldsOf([], { type: 'CreateTokenPack', tokenPackId: 'tp', settings: bad, facts: { primaryDirectoryExists: false } })).toEqual({
      name: 'Give the token pack a name.',
      icon: expect.stringContaining('https:// URL'),
      primaryDirectoryId: 'No directory connector with that id in this organisation.',
      'theme.primaryColor': expect.stringContaining('#1f6feb'),
      'theme.accentColor': expect.stringContaining('six hex digits'),
      'theme.logoUrl': expect.stringContaining('https:// URL'),
    });
  });

  it('records an update only when something changed, and never touches a deleted pack', () => {
    expect(when([created], { type: 'UpdateTokenPack', settings, facts: exists })).toEqual([]);
    const [updated] = when([created], { type: 'UpdateTokenPack', settings: { ...settings, name: 'Contractors' }, facts: exists });
    expect(updated).toMatchObject({ type: 'TokenPackUpdated', data: { tokenPackId: 'tp', name: 'Contractors' } });
    const deleted: TokenPackEvent = { type: 'TokenPackDeleted', data: { tokenPackId: 'tp' } };
    expect(() => when([created, deleted], { type: 'UpdateTokenPack', settings, facts: exists })).toThrow(/No token pack/);
  });

  describe('local unlock policy', () => {
    it('defaults to NONE, and a pack created before the setting existed reads as NONE', () => {
      expect(when([], { type: 'CreateTokenPack', tokenPackId: 'tp', settings, facts: exists })[0]!.data).toMatchObject({ localUnlock: 'NONE' });
      const { localUnlock: _, ...older } = created.data as typeof created.data & { localUnlock?: string };
      const legacy = { type: 'TokenPackCreated', data: older } as TokenPackEvent;
      expect(when([legacy], { type: 'UpdateTokenPack', settings, facts: exists })).toEqual([]);
    });

    it('records a change to PIN_OR_BIOMETRIC, and back', () => {
      const events = when([created], { type: 'UpdateTokenPack', settings: { ...settings, localUnlock: 'PIN_OR_BIOMETRIC' }, facts: exists });
      expect(events).toEqual([{ type: 'TokenPackUpdated', data: expect.objectContaining({ tokenPackId: 'tp', localUnlock: 'PIN_OR_BIOMETRIC' }) }]);
      expect(when([created, ...events], { type: 'UpdateTokenPack', settings: { ...settings, localUnlock: 'PIN_OR_BIOMETRIC' }, facts: exists })).toEqual([]);
      expect(when([created, ...events], { type: 'UpdateTokenPack', settings: { ...settings, localUnlock: 'NONE' }, facts: exists })[0]!.data).toMatchObject({ localUnlock: 'NONE' });
    });

    it('refuses a policy it does not know, naming the ones it does', () => {
      const bad = { ...settings, localUnlock: 'FACE_ONLY' } as unknown as TokenPackSettings;
      expect(fieldsOf([created], { type: 'UpdateTokenPack', settings: bad, facts: exists })).toEqual({ localUnlock: 'Choose one of NONE, PIN_OR_BIOMETRIC.' });
    });
  });

  it('toggles services, ignoring a toggle to the state a service is already in', () => {
    const enabled = when([created], { type: 'SetService', serviceId: 's1', enabled: true, serviceExists: true });
    expect(enabled).toEqual([{ type: 'ServiceEnabled', data: { tokenPackId: 'tp', serviceId: 's1' } }]);
    expect(when([created, ...enabled], { type: 'SetService', serviceId: 's1', enabled: true, serviceExists: true })).toEqual([]);
    expect(when([created], { type: 'SetService', serviceId: 's1', enabled: false, serviceExists: true })).toEqual([]);
    expect(fieldsOf([created], { type: 'SetService', serviceId: 'nope', enabled: true, serviceExists: false })).toEqual({ serviceId: expect.stringContaining('No service') });
    // A service deleted since it was enabled can still be switched off.
    expect(when([created, ...enabled], { type: 'SetService', serviceId: 's1', enabled: false, serviceExists: false })).toEqual([
      { type: 'ServiceDisabled', data: { tokenPackId: 'tp', serviceId: 's1' } },
    ]);
  });

  describe('trusted networks', () => {
    const add = (networkId: string, cidr: string, name = 'Office') => ({ type: 'AddTrustedNetwork' as const, network: { networkId, name, cidr, description: ' HQ ' } });

    it('stores the canonical network: host bits cleared, IPv6 compressed, a bare address as one host', () => {
      expect(when([created], add('n1', '192.168.1.77/24'))[0]!.data).toEqual({ tokenPackId: 'tp', networkId: 'n1', name: 'Office', cidr: '192.168.1.0/24', description: 'HQ' });
      expect(when([created], add('n2', '2001:DB8:0:0:8:800:200C:417A/64'))[0]!.data).toMatchObject({ cidr: '2001:db8::/64' });
      expect(when([created], add('n3', '203.0.113.9'))[0]!.data).toMatchObject({ cidr: '203.0.113.9/32' });
      expect(when([created], add('n4', '::ffff:198.51.100.0/120'))[0]!.data).toMatchObject({ cidr: '198.51.100.0/24' });
    });

    it('refuses a bad range with a sentence saying how to write one', () => {
      expect(fieldsOf([created], add('n', '10.0.0.0/33'))).toEqual({ cidr: 'An IPv4 prefix length is at most 32.' });
      expect(fieldsOf([created], add('n', '10.0.0/8'))).toEqual({ cidr: expect.stringContaining('is not an IPv4 or IPv6 address') });
      expect(fieldsOf([created], add('n', '0.0.0.0/0'))).toEqual({ cidr: expect.stringContaining('every address') });
      expect(fieldsOf([created], add('n', '2001:db8::/129', ''))).toEqual({ name: 'Give the network a name.', cidr: 'An IPv6 prefix length is at most 128.' });
    });

    it('refuses a network that is already trusted, however it was written', () => {
      const [first] = when([created], add('n1', '10.0.0.0/8'));
      expect(fieldsOf([created, first!], add('n2', '10.20.30.40/8', 'Again'))).toEqual({ cidr: '10.0.0.0/8 is already trusted, as "Office".' });
    });

    it('removes a network it holds, and says so when it holds none with that id', () => {
      const [first] = when([created], add('n1', '10.0.0.0/8'));
      expect(when([created, first!], { type: 'RemoveTrustedNetwork', networkId: 'n1' })).toEqual([{ type: 'TrustedNetworkRemoved', data: { tokenPackId: 'tp', networkId: 'n1' } }]);
      expect(() => when([created], { type: 'RemoveTrustedNetwork', networkId: 'n1' })).toThrow(/No trusted network/);
    });
  });

  describe('sending', () => {
    it('requests one send per address', () => {
      const events = when([created], { type: 'RequestSend', sends: [send('a', 'ada@example.com'), send('b', 'bob@example.org')], facts: exists });
      expect(events.map((e) => e.type)).toEqual(['TokenPackSendRequested', 'TokenPackSendRequested']);
      expect(events[1]).toEqual({ type: 'TokenPackSendRequested', data: { tokenPackId: 'tp', ...send('b', 'bob@example.org') } });
    });

    it('lists every address that cannot be used, each with its own reason, and sends none', () => {
      try {
        when([created], { type: 'RequestSend', sends: [send('a', 'ada@example.com'), send('b', 'bob@'), send('c', 'carol example.com'), send('d', 'ADA@example.com')], facts: exists });
        expect.unreachable();
      } catch (error) {
        const { details, message } = error as AppError;
        expect(details!.invalidEmails).toEqual([
          { email: 'bob@', problem: '"bob@" has no valid domain after the @, such as example.com.' },
          { email: 'carol example.com', problem: '"carol example.com" has no @; write it like name@example.com.' },
          { email: 'ADA@example.com', problem: '"ADA@example.com" is listed twice.' },
        ]);
        expect(message).toMatch(/^3 addresses cannot be used: "bob@"/);
        expect((details!.fields as Record<string, string>).emails).toBe(message);
      }
    });

    it('needs an existing primary directory and at least one address', () => {
      const noDirectory: TokenPackEvent = { type: 'TokenPackUpdated', data: { tokenPackId: 'tp', ...settings, primaryDirectoryId: null } };
      expect(fieldsOf([created, noDirectory], { type: 'RequestSend', sends: [send('a', 'ada@example.com')], facts: { primaryDirectoryExists: false } })).toEqual({
        primaryDirectoryId: expect.stringContaining('Choose the directory'),
      });
      expect(fieldsOf([created], { type: 'RequestSend', sends: [send('a', 'ada@example.com')], facts: { primaryDirectoryExists: false } })).toEqual({
        primaryDirectoryId: expect.stringContaining('was deleted'),
      });
      expect(fieldsOf([created], { type: 'RequestSend', sends: [], facts: exists })).toEqual({ emails: 'Enter at least one email address.' });
    });

    it('records the first outcome of a send: a repeated report or a failure after success changes nothing', () => {
      const requested = when([created], { type: 'RequestSend', sends: [send('a', 'ada@example.com')], facts: exists });
      const retrying = when([created, ...requested], { type: 'RecordEmailFailed', sendId: 'a', reason: 'The mail server temporarily refused the message.', final: false });
      expect(retrying).toEqual([{ type: 'TokenPackEmailFailed', data: { tokenPackId: 'tp', sendId: 'a', email: 'ada@example.com', reason: 'The mail server temporarily refused the message.', final: false } }]);
      const sent = when([created, ...requested, ...retrying], { type: 'RecordEmailSent', sendId: 'a', messageId: '<m@x>' });
      expect(sent).toEqual([{ type: 'TokenPackEmailSent', data: { tokenPackId: 'tp', sendId: 'a', email: 'ada@example.com', messageId: '<m@x>' } }]);
      const after = [created, ...requested, ...retrying, ...sent];
      expect(when(after, { type: 'RecordEmailSent', sendId: 'a', messageId: '<m@x>' })).toEqual([]);
      expect(when(after, { type: 'RecordEmailFailed', sendId: 'a', reason: 'late', final: true })).toEqual([]);
      expect(() => when(after, { type: 'RecordEmailSent', sendId: 'zzz', messageId: '<m@x>' })).toThrow(/No send/);
    });

    it('a final failure ends the send', () => {
      const requested = when([created], { type: 'RequestSend', sends: [send('a', 'gone@example.com')], facts: exists });
      const failed = when([created, ...requested], { type: 'RecordEmailFailed', sendId: 'a', reason: 'The mail server refused the recipient.', final: true });
      expect(fold(tokenPackDecider, [created, ...requested, ...failed])).toMatchObject({ sends: { a: { status: 'FAILED' } } });
      expect(when([created, ...requested, ...failed], { type: 'RecordEmailFailed', sendId: 'a', reason: 'again', final: true })).toEqual([]);
    });
  });
});
