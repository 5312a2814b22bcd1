import { AppError } from '../errors';
import { serviceProviderSchema, type ServiceProviderDescription } from './connector-config';
import { parseUntrustedXml } from './internal/safe-xml';
import { SAML_NS } from './saml-constants';
import { parseCertificate } from './signing-key';

/** The SP description read from metadata, plus things the admin should know. */
export interface ImportedSpMetadata {
  sp: ServiceProviderDescription;
  warnings: string[];
}

const MAX_METADATA_CHARS = 512 * 1024;
const MD = SAML_NS.metadata;

function invalid(message: string): AppError {
  return new AppError('SAML_METADATA_INVALID', message);
}

/**
 * Reads a service provider's SAML 2.0 metadata safely (no DTD or entities, size-capped): entity
 * ID, AssertionConsumerService URLs with bindings and indexes, signing and encryption
 * certificates (a KeyDescriptor without `use` serves both), WantAssertionsSigned,
 * AuthnRequestsSigned and NameID formats. Accepts an EntitiesDescriptor holding exactly one SP.
 * The metadata's own signature is not checked: the admin vouches for what they paste.
 * Throws `SAML_METADATA_INVALID` saying what is wrong.
 */
export function parseSpMetadata(xml: string, now: Date = new Date()): ImportedSpMetadata {
  if (xml.length > MAX_METADATA_CHARS) throw invalid(`The metadata is larger than ${MAX_METADATA_CHARS / 1024} KiB.`);
  const doc = parseUntrustedXml(xml.trim(), { label: 'The metadata', code: 'SAML_METADATA_INVALID', allowComments: true });
  const root = doc.documentElement!;
  const warnings: string[] = [];
  let entity: Element = root;
  if (is(root, 'EntitiesDescriptor')) {
    const sps = descendants(root, 'EntityDescriptor').filter((e) => children(e, 'SPSSODescriptor').length > 0);
    if (sps.length !== 1) throw invalid(`The metadata describes ${sps.length} service providers; paste the metadata of exactly one.`);
    entity = sps[0]!;
  } else if (!is(root, 'EntityDescriptor')) {
    throw invalid('The metadata must start with <md:EntityDescriptor> in the SAML 2.0 metadata namespace.');
  }
  const entityId = entity.getAttribute('entityID');
  if (!entityId) throw invalid('The EntityDescriptor has no entityID.');
  const descriptors = children(entity, 'SPSSODescriptor').filter((d) => (d.getAttribute('protocolSupportEnumeration') ?? '').split(/\s+/).includes(SAML_NS.protocol));
  if (descriptors.length !== 1) throw invalid('The metadata needs exactly one SPSSODescriptor supporting the SAML 2.0 protocol.');
  const descriptor = descriptors[0]!;
  const validUntil = entity.getAttribute('validUntil') || descriptor.getAttribute('validUntil');
  if (validUntil && Date.parse(validUntil) < now.getTime()) warnings.push(`The metadata expired on ${validUntil}; ask the service provider for a current copy.`);

  const signing: string[] = [];
  const encryption: string[] = [];
  for (const keyDescriptor of children(descriptor, 'KeyDescriptor')) {
    const use = keyDescriptor.getAttribute('use') || 'both';
    const certText = descendants(keyDescriptor, 'X509Certificate', SAML_NS.ds)[0]?.textContent ?? '';
    if (!certText.trim()) continue;
    let cert;
    try {
      cert = parseCertificate(certText);
    } catch {
      throw invalid('A KeyDescriptor certificate in the metadata is not a readable X.509 certificate.');
    }
    const base64 = cert.raw.toString('base64');
    if (Date.parse(cert.validTo) < now.getTime()) warnings.push(`A ${use === 'both' ? '' : use + ' '}certificate in the metadata expired on ${new Date(cert.validTo).toISOString().slice(0, 10)}.`);
    if (use === 'signing' || use === 'both') signing.push(base64);
    if (use === 'encryption' || use === 'both') encryption.push(base64);
  }
  const acs = children(descriptor, 'AssertionConsumerService').map((e) => ({
    url: e.getAttribute('Location') ?? '',
    binding: e.getAttribute('Binding') ?? '',
    index: e.hasAttribute('index') ? Number(e.getAttribute('index')) : undefined,
    isDefault: e.hasAttribute('isDefault') ? e.getAttribute('isDefault') === 'true' || e.getAttribute('isDefault') === '1' : undefined,
  }));
  const flag = (name: string) => ['true', '1'].includes(descriptor.getAttribute(name) ?? '');
  const parsed = serviceProviderSchema.safeParse({
    entityId,
    assertionConsumerServices: acs,
    signingCertificates: signing,
    encryptionCertificate: encryption[0],
    wantAssertionsSigned: flag('WantAssertionsSigned'),
    authnRequestsSigned: flag('AuthnRequestsSigned'),
    nameIdFormats: children(descriptor, 'NameIDFormat').map((e) => (e.textContent ?? '').trim()),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(`The metadata is not usable: ${issue.message}`);
  }
  if (flag('AuthnRequestsSigned') && signing.length === 0) warnings.push('The service provider says it signs requests but publishes no signing certificate.');
  return { sp: parsed.data, warnings };
}

function is(el: Element, name: string, ns: string = MD): boolean {
  return el.localName === name && el.namespaceURI === ns;
}

function children(el: Element, name: string, ns: string = MD): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && is(n as Element, name, ns)) out.push(n as Element);
  return out;
}

function descendants(el: Element, name: string, ns: string = MD): Element[] {
  return Array.from(el.getElementsByTagNameNS(ns, name) as unknown as ArrayLike<Element>);
}
