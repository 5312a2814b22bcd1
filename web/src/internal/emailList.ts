/**
 * The addresses in what an admin typed or pasted: split on new lines, commas, semicolons and
 * spaces, blanks dropped, and each address once (the first spelling wins).
 */
export function emailList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const address of text.split(/[\s,;]+/)) {
    const key = address.toLowerCase();
    if (!address || seen.has(key)) continue;
    seen.add(key);
    out.push(address);
  }
  return out;
}
