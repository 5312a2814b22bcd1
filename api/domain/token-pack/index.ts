export * from './events';
export {
  tokenPackDecider,
  MAX_RECIPIENTS_PER_SEND,
  MAX_TRUSTED_NETWORKS,
  type PrimaryDirectoryFacts,
  type SendRequest,
  type SendState,
  type SendStatus,
  type TokenPackCommand,
  type TokenPackState,
} from './token-pack-decider';
export { parseCidr, parseIp, formatIp, unmapIpv4, type Cidr, type CidrParse, type IpAddress } from './cidr';
export { themeProblems } from './theme-problems';
