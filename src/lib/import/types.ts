/** Shared shapes of the page importer. Everything here is plain data so the steps stay pure and testable. */

/** One non-empty line of the source page, as the layout system printed it. */
export interface Block {
  /** 1-based line number in the decoded input, for the report. */
  line: number;
  text: string;
  /** Empty lines directly above: captions and headlines usually sit after two or more. */
  blankBefore: number;
  /** Markdown heading level (`#` = 1) when the line carried one, else 0. */
  mdLevel: number;
}

export type BlockKind = 'heading' | 'body' | 'caption' | 'note-label';

export interface ClassifiedBlock extends Block {
  kind: BlockKind;
  /** Text after `编者按：` when the note starts on the label line. */
  noteInline?: string;
}

/** A unit of the repaired page: a paragraph (possibly joined from fragments), a heading line or a caption. */
export interface Unit {
  kind: 'para' | 'heading' | 'caption' | 'note-label';
  text: string;
  line: number;
  mdLevel: number;
  /** The original fragments a joined paragraph was made of (one entry when nothing was joined). */
  pieces: string[];
  /** Lines the pieces came from. */
  lines: number[];
}

export interface Headline {
  kicker?: string;
  title: string;
  subtitle?: string;
  /** Organisation printed before a colon in the headline (`平阳县劳模协会: …`). */
  organisation?: string;
}

export interface Article {
  headline?: Headline;
  /** Paragraphs, section headings and captions in reading order. */
  body: Unit[];
  /** Line of the first unit, for the report. */
  line: number;
}

export interface PageHeader {
  kicker?: string;
  title?: string;
  subtitle?: string;
  editorNote?: string;
  /** True when the note was an unlabelled lead paragraph rather than a printed `编者按`. */
  editorNoteUnlabelled?: boolean;
}

export type RepairKind =
  | 'decode'
  | 'join'
  | 'join-far'
  | 'fragment-heading'
  | 'duplicate'
  | 'repeated-fragment'
  | 'moved'
  | 'punctuation'
  | 'caption'
  | 'markup'
  | 'to-field';

export interface Repair {
  kind: RepairKind;
  line: number;
  message: string;
  excerpt?: string;
}

/** Text of the input that deliberately does not appear in the article bodies; the proof counts it as accounted for. */
export interface Removal {
  kind: 'duplicate' | 'repeated-fragment' | 'markup' | 'to-field';
  line: number;
  text: string;
  reason: string;
}

export interface JoinRecord {
  lines: number[];
  pieces: string[];
  /** The fragments were not adjacent (other paragraphs stood between). */
  far: boolean;
}

export interface Warning {
  line?: number;
  message: string;
  excerpt?: string;
}

export interface PunctuationChange {
  /** The half-width mark that was converted. */
  mark: string;
  before: string;
  after: string;
}

export interface ImportReport {
  file: string;
  encoding: string;
  repairs: Repair[];
  removals: Removal[];
  joins: JoinRecord[];
  punctuation: { count: number; examples: PunctuationChange[] };
  captions: { line: number; text: string }[];
  /** Paragraphs moved to another place (drifted headline); the order check skips them. */
  moved: { line: number; text: string }[];
  warnings: Warning[];
  /** Filled in by the CLI / pipeline after rendering. */
  articles: { id: string; title: string; organisation: string }[];
}

export function emptyReport(file: string, encoding: string): ImportReport {
  return {
    file,
    encoding,
    repairs: [],
    removals: [],
    joins: [],
    punctuation: { count: 0, examples: [] },
    captions: [],
    moved: [],
    warnings: [],
    articles: [],
  };
}

/** Short excerpt for the report: start … end. */
export function excerpt(text: string, max = 24): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 1) / 2);
  return `${text.slice(0, half)}…${text.slice(-half)}`;
}
