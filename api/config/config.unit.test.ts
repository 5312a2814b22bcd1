import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('has working defaults for a first run', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(4000);
    expect(c.publicUrl).toBe('http://localhost:4000');
    expect(c.dataDir).toMatch(/data$/);
  });

  it('names each bad variable and says what to fix', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'localhost:6379' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'localhost:6379', COUNTERSIGN_MASTER_KEY: 'short' });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('PORT: must be a port number');
      expect(message).toContain('REDIS_URL: must start with redis://');
      expect(message).toContain('COUNTERSIGN_MASTER_KEY: must be 32 random bytes');
    }
  });

  it('wants the admin email and password together', () => {
    expect(() => loadConfig({ COUNTERSIGN_ADMIN_EMAIL: 'a@b.test' })).toThrow(/set both or neither/);
  });
});
