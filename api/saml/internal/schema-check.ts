// A small structural validator for the parts of the SAML 2.0 XSDs Countersign reads. It checks
// what a full XSD validator would for these types (required and unknown attributes, their lexical
// types, allowed children, their order and counts, text-only vs element-only content) in one DOM
// walk, without compiling schemas at run time.

import { SAML_NS } from '../saml-constants';

/** Returns null when the value is valid, else what is wrong ("must be …"). */
export type SimpleCheck = (value: string) => string | null;

export interface AttributeRule {
  check: SimpleCheck;
  required?: boolean;
}

export type Content =
  | { kind: 'empty' }
  | { kind: 'text'; check: SimpleCheck }
  | { kind: 'elements'; particles: Particle[] }
  /** xs:any with lax/skip processing: children are not examined. */
  | { kind: 'lax' };

export interface ElementType {
  attributes?: Record<string, AttributeRule>;
  /** anyAttribute namespace="##other": qualified attributes of other namespaces are allowed. */
  otherAttributes?: boolean;
  content: Content;
  /** Co-occurrence rules the XSD cannot express but the SAML spec states. */
  check?: (element: Element) => string | null;
}

export interface ElementParticle {
  ns: string;
  name: string;
  type: ElementType;
  min: number;
  max: number;
}
export interface ChoiceParticle {
  choice: ElementParticle[];
  min: number;
  max: number;
}
/** xs:any namespace="##other": any qualified element outside `targetNs`, content skipped. */
export interface WildcardParticle {
  otherThan: string;
  min: number;
  max: number;
}
export type Particle = ElementParticle | ChoiceParticle | WildcardParticle;

/** Thrown by {@link checkElement}; `message` is safe to show. */
export class SchemaViolation extends Error {}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const WHITESPACE = /^[ \t\r\n]*$/;

/** Validates `element` (already known to be the right element) against `type`, recursively. */
export function checkElement(element: Element, type: ElementType, path: string): void {
  checkAttributes(element, type, path);
  const content = type.content;
  if (content.kind === 'lax') return;
  const children: Element[] = [];
  let textValue = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT) {
      children.push(node as Element);
    } else if (node.nodeType === TEXT || node.nodeType === CDATA) {
      textValue += node.nodeValue ?? '';
    } else {
      throw new SchemaViolation(`${path} contains a comment or processing instruction, which is not accepted`);
    }
  }
  if (content.kind === 'text') {
    if (children.length > 0) throw new SchemaViolation(`${path} must contain only text, not <${children[0]!.nodeName}>`);
    const problem = content.check(textValue);
    if (problem) throw new SchemaViolation(`${path} ${problem}`);
  } else {
    if (!WHITESPACE.test(textValue)) throw new SchemaViolation(`${path} must not contain text`);
    if (content.kind === 'empty') {
      if (children.length > 0) throw new SchemaViolation(`${path} must be empty, but contains <${children[0]!.nodeName}>`);
    } else {
      checkChildren(children, content.particles, path);
    }
  }
  const problem = type.check?.(element);
  if (problem) throw new SchemaViolation(`${path} ${problem}`);
}

function checkAttributes(element: Element, type: ElementType, path: string): void {
  const rules = type.attributes ?? {};
  const attrs = element.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs.item(i)!;
    const name = attr.name;
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    if (attr.prefix && !attr.namespaceURI) throw new SchemaViolation(`${path} uses the undeclared namespace prefix ${attr.prefix}`);
    if (attr.namespaceURI) {
      if (attr.namespaceURI === SAML_NS.xsi) continue;
      if (type.otherAttributes && attr.namespaceURI !== element.namespaceURI) continue;
      throw new SchemaViolation(`${path} has the attribute ${name}, which the schema does not allow`);
    }
    const rule = rules[name];
    if (!rule) throw new SchemaViolation(`${path} has the attribute ${name}, which the schema does not allow`);
    const problem = rule.check(attr.value);
    if (problem) throw new SchemaViolation(`${path}/@${name} ${problem}`);
  }
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.required && !element.hasAttribute(name)) throw new SchemaViolation(`${path} lacks the required attribute ${name}`);
  }
}

function matches(element: Element, particle: ElementParticle): boolean {
  return element.localName === particle.name && element.namespaceURI === particle.ns;
}

function checkChildren(children: Element[], particles: Particle[], path: string): void {
  let i = 0;
  for (const particle of particles) {
    let count = 0;
    if ('choice' in particle) {
      while (count < particle.max && i < children.length) {
        const option = particle.choice.find((o) => matches(children[i]!, o));
        if (!option) break;
        let n = 0;
        while (n < option.max && i < children.length && matches(children[i]!, option)) {
          checkElement(children[i]!, option.type, `${path}/${option.name}`);
          i++;
          n++;
        }
        if (n < option.min) throw new SchemaViolation(`${path} needs at least ${option.min} <${option.name}>`);
        count++;
      }
      if (count < particle.min) throw new SchemaViolation(`${path} needs one of ${particle.choice.map((o) => `<${o.name}>`).join(', ')}`);
    } else if ('otherThan' in particle) {
      while (count < particle.max && i < children.length) {
        const ns = children[i]!.namespaceURI;
        if (!ns || ns === particle.otherThan) break;
        i++;
        count++;
      }
      if (count < particle.min) throw new SchemaViolation(`${path} needs at least one child element from another namespace`);
    } else {
      while (count < particle.max && i < children.length && matches(children[i]!, particle)) {
        checkElement(children[i]!, particle.type, `${path}/${particle.name}`);
        i++;
        count++;
      }
      if (count < particle.min) throw new SchemaViolation(`${path} lacks the required element <${particle.name}>`);
    }
  }
  if (i < children.length) {
    const extra = children[i]!;
    if (extra.prefix && !extra.namespaceURI) throw new SchemaViolation(`${path} uses the undeclared namespace prefix ${extra.prefix}`);
    throw new SchemaViolation(`${path} contains <${extra.nodeName}> where the schema does not allow it (unknown element, wrong namespace, repeated, or out of order)`);
  }
}

/** Shorthand for a one-element particle. */
export function one(ns: string, name: string, type: ElementType, min = 1, max = 1): ElementParticle {
  return { ns, name, type, min, max };
}
