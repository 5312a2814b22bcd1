import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decryptAes128gcm, newSubscriberKeys, verifyVapid, type SubscriberKeys, type VapidClaims } from './web-push-receiver';

/** A message the push service accepted (answered 201), decrypted. */
export interface ReceivedPush {
  /** The decrypted payload as text. */
  text: string;
  ttl: number;
  urgency: string | null;
  topic: string | null;
  vapid: VapidClaims;
}

/** One browser's subscription at the test push service. */
export interface TestSubscriber {
  /** What `PushSubscription.toJSON()` would give the authenticator. */
  subscription: { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };
  keys: SubscriberKeys;
  /** Messages accepted so far, oldest first. */
  received: ReceivedPush[];
  /** Every request for this subscription, accepted or not, with the status it got. */
  answered: number[];
  /** Answers these statuses, one per request, before accepting again (e.g. 429 to throttle). */
  answerNext(...statuses: number[]): void;
  /** The browser unsubscribed: every later request gets 410 Gone. */
  unsubscribe(): void;
  /** Waits until at least `count` messages arrived (or fails after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
}

export interface PushTestService {
  origin: string;
  /** A new subscription bound to an application server key, as `pushManager.subscribe({applicationServerKey})` makes. */
  subscribe(applicationServerKey: string): TestSubscriber;
  /** Requests refused because they broke the protocol (bad VAPID, undecryptable body, …), with why. */
  problems: string[];
  stop(): Promise<void>;
}

interface Entry {
  subscriber: TestSubscriber;
  applicationServerKey: string;
  scripted: number[];
  gone: boolean;
}

/**
 * The receiving side of RFC 8030 on a loopback port: `POST /push/<id>` checks the VAPID
 * authorization against the key the subscription was made with (403 otherwise), requires
 * `TTL` and `Content-Encoding: aes128gcm`, decrypts the body with the subscriber's private
 * key, and answers 201 with a `Location`; it can be told to answer 410 or 429 instead.
 */
export async function startPushTestService(): Promise<PushTestService> {
  const entries = new Map<string, Entry>();
  const problems: string[] = [];
  const arrivals = new EventEmitter();
  let messageCount = 0;
  let origin = '';

  const refuse = (status: number, problem: string) => {
    problems.push(problem);
    return { status, body: problem };
  };

  const accept = async (req: IncomingMessage, entry: Entry): Promise<{ status: number; body: string; location?: string; message?: ReceivedPush }> => {
    const body = await readBody(req);
    const scripted = entry.scripted.shift();
    if (scripted !== undefined) return { status: scripted, body: `scripted ${scripted}` };
    if (entry.gone) return { status: 410, body: 'push subscription has unsubscribed or expired' };
    let vapid: VapidClaims;
    try {
      vapid = verifyVapid(req.headers.authorization, origin, Math.floor(Date.now() / 1000));
    } catch (error) {
      return refuse(401, `VAPID: ${(error as Error).message}`);
    }
    if (vapid.publicKey !== entry.applicationServerKey) return refuse(403, 'VAPID: k is not the key the subscription was made with');
    const ttl = Number(req.headers.ttl);
    if (req.headers.ttl === undefined || !Number.isInteger(ttl) || ttl < 0) return refuse(400, 'TTL header missing or not a whole number');
    if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, `Content-Encoding is ${req.headers['content-encoding']}, not aes128gcm`);
    let text: string;
    try {
      text = decryptAes128gcm(body, entry.subscriber.keys).toString('utf8');
    } catch (error) {
      return refuse(400, `payload: ${(error as Error).message}`);
    }
    const message = { text, ttl, urgency: header(req, 'urgency'), topic: header(req, 'topic'), vapid };
    return { status: 201, body: '', location: `${origin}/messages/${++messageCount}`, message };
  };

  const server = createServer((req, res) => {
    const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1];
    const entry = id ? entries.get(id) : undefined;
    if (req.method !== 'POST' || !entry) {
      req.resume();
      res.writeHead(404).end('no such subscription');
      return;
    }
    accept(req, entry).then(
      ({ status, body, location, message }) => {
        entry.subscriber.answered.push(status);
        if (message) entry.subscriber.received.push(message);
        arrivals.emit('message');
        res.writeHead(status, location ? { location } : {}).end(body);
      },
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    problems,
    subscribe(applicationServerKey) {
      const id = randomUUID();
      const keys = newSubscriberKeys();
      const subscriber: TestSubscriber = {
        subscription: { endpoint: `${origin}/push/${id}`, expirationTime: null, keys: { p256dh: keys.publicKey.toString('base64url'), auth: keys.authSecret.toString('base64url') } },
        keys,
        received: [],
        answered: [],
        answerNext: (...statuses) => entry.scripted.push(...statuses),
        unsubscribe: () => void (entry.gone = true),
        waitForMessages: (count, timeoutMs = 20_000) =>
          new Promise((resolve, reject) => {
            const check = () => {
              if (subscriber.received.length < count) return;
              arrivals.off('message', check);
              clearTimeout(timer);
              resolve(subscriber.received);
            };
            const timer = setTimeout(() => {
              arrivals.off('message', check);
              reject(new Error(`expected ${count} push message(s) at ${subscriber.subscription.endpoint}, got ${subscriber.received.length}; answers ${JSON.stringify(subscriber.answered)}; problems ${JSON.stringify(problems)}`));
            }, timeoutMs);
            arrivals.on('message', check);
            check();
          }),
      };
      const entry: Entry = { subscriber, applicationServerKey, scripted: [], gone: false };
      entries.set(id, entry);
      return subscriber;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
