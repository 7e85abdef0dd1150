/**
 * A REFI-QDA project as read from (or written to) a .qde document: the parts Passage keeps, with
 * GUIDs in canonical form (lower-case, no braces). Offsets are as the writing tool counted them.
 */

export interface RefiUser {
  guid: string;
  name: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  /** '#rrggbb' (alpha dropped), or undefined. */
  color?: string;
  description: string;
  isCodable: boolean;
  noteGuids: string[];
  children: RefiCode[];
}

export interface RefiCoding {
  guid: string;
  codeGuid: string;
  userGuid: string;
}

export interface RefiSelection {
  guid: string;
  name: string;
  start: number;
  end: number;
  userGuid: string;
  description: string;
  codings: RefiCoding[];
  noteGuids: string[];
}

export interface RefiVariableValue {
  variableGuid: string;
  value: string;
}

export interface RefiSource {
  guid: string;
  name: string;
  /** The element it came from: TextSource, or PDFSource read through its text Representation. */
  element: string;
  plainTextPath: string;
  plainTextContent?: string;
  /**
   * The original file (a TextSource's richTextPath, a PDFSource's path): Passage reads its text itself
   * when the file brings no plain-text representation.
   */
  originalPath?: string;
  description: string;
  userGuid: string;
  createdAt: string;
  selections: RefiSelection[];
  /** Codings of the whole source (no selection). */
  codings: RefiCoding[];
  noteGuids: string[];
  values: RefiVariableValue[];
}

export interface RefiNote {
  guid: string;
  name: string;
  plainTextPath: string;
  plainTextContent?: string;
  userGuid: string;
  createdAt: string;
}

export interface RefiSet {
  guid: string;
  name: string;
  description: string;
  codeGuids: string[];
  sourceGuids: string[];
}

export interface RefiCase {
  guid: string;
  name: string;
  description: string;
  sourceGuids: string[];
  values: RefiVariableValue[];
}

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiVariableType;
  description: string;
}

export interface RefiProject {
  name: string;
  origin: string;
  creatingUserGuid: string;
  description: string;
  noteGuids: string[];
  users: RefiUser[];
  codes: RefiCode[];
  sources: RefiSource[];
  notes: RefiNote[];
  sets: RefiSet[];
  cases: RefiCase[];
  variables: RefiVariable[];
}
