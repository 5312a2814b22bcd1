/** The UTF-8 byte-order mark, which Windows PowerShell 5.1 needs to read a script's non-ASCII text as UTF-8. */
const UTF8_BOM = '\uFEFF';

/**
 * Saves `text` as a file named `fileName` through the browser's download. With `bom`, the file
 * starts with a UTF-8 byte-order mark (for `.ps1` scripts run by Windows PowerShell 5.1).
 */
export function downloadText(fileName: string, text: string, options: { bom?: boolean; type?: string } = {}): void {
  const body = options.bom && !text.startsWith(UTF8_BOM) ? UTF8_BOM + text : text;
  const blob = new Blob([body], { type: options.type ?? 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
