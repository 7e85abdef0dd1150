import { tokenize } from './fold';

// The researcher's query language, parsed into our own tree so raw text never reaches FTS5's MATCH:
//   words            nato              (case- and diacritic-insensitive)
//   phrases          "civilian casualties"
//   prefixes         legitim*          "civilian casual"*
//   boolean          nato AND russia, nato OR otan, nato NOT russia, a b (= a AND b)
//   parentheses      (ngo OR "non-governmental organisation") AND funding
// Precedence as in FTS5: NOT binds tightest, then AND, then OR. Operators may be typed in any case;
// quote them ("not") to search for the word itself.

/** A word or phrase: folded tokens that must follow each other; `prefix` applies to the last token. */
export interface QueryTerm {
  type: 'term';
  tokens: string[];
  prefix: boolean;
}

export type QueryNode =
  | QueryTerm
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; include: QueryNode; exclude: QueryNode };

export type ParsedQuery =
  | { ok: true; node: QueryNode; fts: string; terms: QueryTerm[] }
  | { ok: false; message: string; position: number };

export const MAX_QUERY_LENGTH = 1000;
/** FTS5 and our highlighter stay fast below this; nobody writes longer queries by hand. */
export const MAX_QUERY_TERMS = 64;

type LexToken =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'phrase'; text: string; prefix: boolean; at: number }
  | { kind: 'and' | 'or' | 'not' | 'open' | 'close'; at: number };

class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const OPERATORS: Record<string, 'and' | 'or' | 'not'> = { and: 'and', or: 'or', not: 'not' };

function lex(query: string): LexToken[] {
  const tokens: LexToken[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'open' : 'close', at: i });
      i++;
    } else if (char === '"') {
      const close = query.indexOf('"', i + 1);
      if (close < 0) throw new QuerySyntaxError(`unbalanced quote in ${query.slice(i)}`, i);
      const prefix = query[close + 1] === '*';
      tokens.push({ kind: 'phrase', text: query.slice(i + 1, close), prefix, at: i });
      i = close + (prefix ? 2 : 1);
    } else {
      let end = i;
      while (end < query.length && !/[\s()"]/.test(query[end]!)) end++;
      const text = query.slice(i, end);
      const operator = OPERATORS[text.toLowerCase()];
      tokens.push(operator ? { kind: operator, at: i } : { kind: 'word', text, at: i });
      i = end;
    }
  }
  return tokens;
}

const OPERATOR_NAMES = { and: 'AND', or: 'OR', not: 'NOT' } as const;

class Parser {
  private index = 0;
  readonly terms: QueryTerm[] = [];

  constructor(
    private readonly tokens: LexToken[],
    private readonly query: string,
  ) {}

  parse(): QueryNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next?.kind === 'close')
      throw new QuerySyntaxError('unbalanced parenthesis: ")" has no matching "("', next.at);
    return node;
  }

  private peek(): LexToken | undefined {
    return this.tokens[this.index];
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peek()?.kind === 'or') {
      const operator = this.tokens[this.index++]!;
      children.push(this.parseAnd(operator));
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private parseAnd(after?: LexToken): QueryNode {
    let node = this.parseNot(after);
    const children: QueryNode[] = [];
    for (;;) {
      const next = this.peek();
      if (!next || next.kind === 'or' || next.kind === 'close') break;
      if (next.kind === 'and') {
        this.index++;
        // "a AND NOT b" reads naturally and means a NOT b.
        if (this.peek()?.kind === 'not') {
          const not = this.tokens[this.index++]!;
          node = this.combine(children, node);
          children.length = 0;
          node = { type: 'not', include: node, exclude: this.parsePrimary(not) };
          continue;
        }
        children.push(node);
        node = this.parseNot(next);
      } else if (next.kind === 'not') {
        throw new QuerySyntaxError(this.notMessage(), next.at);
      } else {
        children.push(node);
        node = this.parseNot();
      }
    }
    return this.combine(children, node);
  }

  private combine(children: QueryNode[], last: QueryNode): QueryNode {
    if (children.length === 0) return last;
    return { type: 'and', children: [...children, last] };
  }

  private parseNot(after?: LexToken): QueryNode {
    let node = this.parsePrimary(after);
    while (this.peek()?.kind === 'not') {
      const not = this.tokens[this.index++]!;
      node = { type: 'not', include: node, exclude: this.parsePrimary(not) };
    }
    return node;
  }

  private notMessage(): string {
    return 'NOT needs a term before it, as in nato NOT russia (to search for the word, quote it: "not")';
  }

  /** `after` is the operator just read, so a missing operand can be blamed on it. */
  private parsePrimary(after?: LexToken): QueryNode {
    const token = this.peek();
    const dangling = (): QuerySyntaxError => {
      if (after && (after.kind === 'and' || after.kind === 'or' || after.kind === 'not')) {
        return new QuerySyntaxError(`${OPERATOR_NAMES[after.kind]} needs a term after it`, after.at);
      }
      return new QuerySyntaxError('the query is empty', this.query.length);
    };
    if (!token) throw dangling();
    switch (token.kind) {
      case 'word':
      case 'phrase':
        this.index++;
        return this.term(token);
      case 'open': {
        this.index++;
        const first = this.peek();
        if (!first) throw new QuerySyntaxError(`unbalanced parenthesis: "(" is never closed`, token.at);
        if (first.kind === 'close') throw new QuerySyntaxError('empty parentheses ()', token.at);
        const inner = this.parseOr();
        if (this.peek()?.kind !== 'close') {
          throw new QuerySyntaxError(`unbalanced parenthesis: "(" is never closed`, token.at);
        }
        this.index++;
        return inner;
      }
      case 'close':
        if (after && after.kind === 'open') throw new QuerySyntaxError('empty parentheses ()', after.at);
        if (after) throw dangling();
        throw new QuerySyntaxError('unbalanced parenthesis: ")" has no matching "("', token.at);
      case 'not':
        if (after && after.kind !== 'open') throw dangling();
        throw new QuerySyntaxError(this.notMessage(), token.at);
      case 'and':
      case 'or':
        if (after && after.kind !== 'open') throw dangling();
        throw new QuerySyntaxError(`${OPERATOR_NAMES[token.kind]} needs a term before it`, token.at);
    }
  }

  private term(token: Extract<LexToken, { kind: 'word' | 'phrase' }>): QueryTerm {
    let text = token.text;
    let prefix = token.kind === 'phrase' ? token.prefix : false;
    if (token.kind === 'word') {
      if (/^\*+$/.test(text)) throw new QuerySyntaxError('"*" must end a word, as in legitim*', token.at);
      if (text.endsWith('*')) {
        prefix = true;
        text = text.replace(/\*+$/, '');
      }
    } else if (text.trim().length === 0) {
      throw new QuerySyntaxError('empty quotes ""', token.at);
    }
    const tokens = tokenize(text);
    if (tokens.length === 0) {
      const shown = token.kind === 'phrase' ? `"${token.text}"` : token.text;
      throw new QuerySyntaxError(`nothing to search for in ${shown} (only punctuation)`, token.at);
    }
    const term: QueryTerm = { type: 'term', tokens, prefix };
    this.terms.push(term);
    if (this.terms.length > MAX_QUERY_TERMS) {
      throw new QuerySyntaxError(`too many terms (at most ${MAX_QUERY_TERMS})`, token.at);
    }
    return term;
  }
}

/** Every token becomes an FTS5 string ("…", quotes doubled), so no user character is ever FTS5 syntax. */
function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

export function toFts5(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return `${quote(node.tokens.join(' '))}${node.prefix ? '*' : ''}`;
    case 'and':
      return `(${node.children.map(toFts5).join(' AND ')})`;
    case 'or':
      return `(${node.children.map(toFts5).join(' OR ')})`;
    case 'not':
      return `(${toFts5(node.include)} NOT ${toFts5(node.exclude)})`;
  }
}

/** The terms whose occurrences are hits: everything except what NOT excludes. */
export function positiveTerms(node: QueryNode): QueryTerm[] {
  switch (node.type) {
    case 'term':
      return [node];
    case 'and':
    case 'or':
      return node.children.flatMap(positiveTerms);
    case 'not':
      return positiveTerms(node.include);
  }
}

/**
 * Parses a query; never throws. Messages name the problem and start with `search:`, ready to show.
 * `fts` is the FTS5 query over the documents' text (the indexes hold no titles: they are not hits the
 * reader can show).
 */
export function parseQuery(query: string): ParsedQuery {
  const fail = (message: string, position: number): ParsedQuery => ({
    ok: false,
    message: `search: ${message}`,
    position,
  });
  if (query.trim().length === 0) return fail('the query is empty', 0);
  if (query.length > MAX_QUERY_LENGTH)
    return fail(`the query is longer than ${MAX_QUERY_LENGTH} characters`, MAX_QUERY_LENGTH);
  try {
    const parser = new Parser(lex(query), query);
    const node = parser.parse();
    return { ok: true, node, fts: wrap(toFts5(node)), terms: positiveTerms(node) };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return fail(error.message, error.position);
    throw error;
  }
}

function wrap(expression: string): string {
  return expression.startsWith('(') ? expression : `(${expression})`;
}
