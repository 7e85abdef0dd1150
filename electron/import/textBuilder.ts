/**
 * Collects the text of a parsed markup document (HTML, ODF) as paragraphs. It is driven by a
 * streaming parser's events and keeps no tree, so nesting depth costs nothing and cannot overflow
 * the stack.
 */
export class TextBuilder {
  private paragraphs: string[] = [];
  private lines: string[] = [];
  private line = '';

  /** Text as rendered: runs of whitespace become one space (HTML's rule). */
  text(value: string): void {
    this.line += value.replace(/\s+/g, ' ');
  }

  /** Text kept exactly (pre, ODF's explicit spaces and tabs). */
  raw(value: string): void {
    this.line += value;
  }

  lineBreak(): void {
    this.lines.push(tidy(this.line));
    this.line = '';
  }

  /** Ends the current paragraph; empty paragraphs vanish, so nested blocks make one break. */
  paragraphBreak(): void {
    this.lineBreak();
    const paragraph = this.lines.join('\n').replace(/^\n+|\n+$/g, '');
    this.lines = [];
    if (/\S/.test(paragraph)) this.paragraphs.push(paragraph);
  }

  /** Paragraphs separated by a blank line. */
  finish(): string {
    this.paragraphBreak();
    return this.paragraphs.join('\n\n');
  }
}

function tidy(line: string): string {
  return line
    .replace(/ *\t */g, '\t')
    .replace(/^[ \t]+|[ \t]+$/g, '')
    .replace(/ {2,}/g, ' ');
}
