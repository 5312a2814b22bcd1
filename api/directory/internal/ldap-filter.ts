import {
  AndFilter,
  ApproximateFilter,
  EqualityFilter,
  ExtensibleFilter,
  type Filter,
  GreaterThanEqualsFilter,
  LessThanEqualsFilter,
  NotFilter,
  OrFilter,
  PresenceFilter,
  SubstringFilter,
} from 'ldapts';

/** A filter string that is not RFC 4515; `message` says what and where, for an admin. */
export class LdapFilterSyntaxError extends Error {
  override name = 'LdapFilterSyntaxError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
// attributedescription: a name (descr) or numericoid, then ;options.
const attributeDescription = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)(?:;[A-Za-z0-9-]+)*/;
const matchingRule = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)/;

/**
 * Parses an RFC 4515 filter string into ldapts filter objects. Written here because ldapts'
 * `FilterParser` accepts unbalanced filters such as `(&(uid=a)`, rejects attribute options and
 * numeric OIDs, and decodes escaped UTF-8 (`Zo\c3\ab`) byte by byte into Latin-1. Values are
 * kept as bytes until the end, so escaped binary values (`(objectGUID=\01\02...)`) reach the
 * server unchanged.
 */
export function parseLdapFilter(text: string): Filter {
  const source = text.trim();
  if (source === '') throw new LdapFilterSyntaxError('The filter is empty.');
  const parser = new Parser(source.startsWith('(') ? source : `(${source})`);
  const filter = parser.filter();
  if (!parser.atEnd()) parser.fail('there is text after the last closing parenthesis; wrap several conditions in (&...)');
  return filter;
}

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at === this.text.length;
  }

  fail(problem: string): never {
    throw new LdapFilterSyntaxError(`Not a valid LDAP filter: ${problem} (at character ${this.at + 1}).`);
  }

  filter(): Filter {
    this.expect('(');
    const kind = this.text[this.at];
    let filter: Filter;
    if (kind === '&' || kind === '|') {
      this.at++;
      const filters: Filter[] = [];
      while (this.text[this.at] === '(') filters.push(this.filter());
      if (filters.length === 0) this.fail(`'${kind}' needs at least one condition in parentheses`);
      filter = kind === '&' ? new AndFilter({ filters }) : new OrFilter({ filters });
    } else if (kind === '!') {
      this.at++;
      if (this.text[this.at] !== '(') this.fail("'!' must be followed by a condition in parentheses");
      filter = new NotFilter({ filter: this.filter() });
    } else {
      filter = this.item();
    }
    this.expect(')');
    return filter;
  }

  private expect(char: string): void {
    if (this.text[this.at] !== char) {
      this.fail(this.atEnd() ? `a '${char}' is missing at the end` : `expected '${char}' but found '${this.text[this.at]}'`);
    }
    this.at++;
  }

  private match(pattern: RegExp): string | undefined {
    const found = pattern.exec(this.text.slice(this.at))?.[0];
    if (found) this.at += found.length;
    return found;
  }

  private item(): Filter {
    const attribute = this.match(attributeDescription);
    if (this.text[this.at] === ':') return this.extensible(attribute ?? '');
    if (!attribute) this.fail('expected an attribute name such as uid or memberOf');
    const operator = this.match(/^(?:~=|>=|<=|=)/);
    if (!operator) this.fail(`expected '=', '~=', '>=' or '<=' after '${attribute}'`);
    const parts = this.valueParts();
    if (operator === '=' && parts.length > 1) {
      if (parts.length === 2 && parts[0]!.length === 0 && parts[1]!.length === 0) return new PresenceFilter({ attribute });
      if (parts.slice(1, -1).some((part) => part.length === 0)) this.fail("two '*' in a row are not allowed");
      return new SubstringFilter({
        attribute,
        initial: this.asText(parts[0]!),
        any: parts.slice(1, -1).map((part) => this.asText(part)),
        final: this.asText(parts.at(-1)!),
      });
    }
    if (parts.length > 1) this.fail(`'*' is only allowed with '=' (escape a literal asterisk as \\2a)`);
    const [value] = parts as [Buffer];
    if (operator === '=') return new EqualityFilter({ attribute, value: isUtf8(value) ? value.toString('utf8') : value });
    const Type = operator === '~=' ? ApproximateFilter : operator === '>=' ? GreaterThanEqualsFilter : LessThanEqualsFilter;
    return new Type({ attribute, value: this.asText(value) });
  }

  private extensible(attribute: string): Filter {
    let dnAttributes = false;
    let rule: string | undefined;
    if (this.text.startsWith(':dn', this.at) && /^[:]/.test(this.text.slice(this.at + 3))) {
      dnAttributes = true;
      this.at += 3;
    }
    if (this.text[this.at] === ':' && this.text[this.at + 1] !== '=') {
      this.at++;
      rule = this.match(matchingRule);
      if (!rule) this.fail('expected a matching rule name or OID after ":"');
    }
    if (!attribute && !rule) this.fail('an extensible match without an attribute needs a matching rule');
    if (!this.text.startsWith(':=', this.at)) this.fail("an extensible match needs ':=' before its value");
    this.at += 2;
    const parts = this.valueParts();
    if (parts.length > 1) this.fail('escape a literal asterisk as \\2a');
    return new ExtensibleFilter({ matchType: attribute || undefined, rule, dnAttributes, value: this.asText(parts[0]!) });
  }

  /** The assertion value split at unescaped '*', each part as raw bytes. */
  private valueParts(): Buffer[] {
    const parts: Buffer[] = [];
    let bytes: number[] = [];
    for (;;) {
      const char = this.text[this.at];
      if (char === undefined) this.fail("a ')' is missing at the end");
      if (char === ')') break;
      if (char === '(') this.fail("'(' inside a value must be escaped as \\28");
      if (char === '\\') {
        const hex = this.text.slice(this.at + 1, this.at + 3);
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) this.fail(`'\\' must be followed by two hex digits (write \\5c for a backslash)`);
        bytes.push(Number.parseInt(hex, 16));
        this.at += 3;
      } else if (char === '*') {
        parts.push(Buffer.from(bytes));
        bytes = [];
        this.at++;
      } else {
        const codePoint = this.text.codePointAt(this.at)!;
        const encoded = Buffer.from(String.fromCodePoint(codePoint), 'utf8');
        bytes.push(...encoded);
        this.at += codePoint > 0xffff ? 2 : 1;
      }
    }
    parts.push(Buffer.from(bytes));
    return parts;
  }

  private asText(bytes: Buffer): string {
    if (!isUtf8(bytes)) this.fail('escaped bytes that are not UTF-8 text can only be used with an equality match (=)');
    return bytes.toString('utf8');
  }
}

function isUtf8(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
