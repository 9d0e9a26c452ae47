// Types of the ISO/IEC 27001:2022 catalog. Data only: ids, short titles and our own wording.

export type Theme = "Organizational" | "People" | "Physical" | "Technological";

/** The kind of fix a gap usually needs; the remediation plan's default "Type". */
export type FindingType = "Policy" | "Procedural" | "Technical";

/** What to do about a gap, in our words: for a partly met and for a missing item, and the
 *  default effort in person-days to put the item in place from nothing. */
export interface RemediationAdvice {
  effort: number;
  partial: string;
  missing: string;
}

/** A leaf requirement of clauses 4-10 (4.1 ... 10.2). */
export interface Clause {
  /** "4.1", "6.1.2", "10.2" */
  id: string;
  /** Top-level clause number 4..10 */
  parent: number;
  /** Short title as published */
  title: string;
  /** Our auditor-style question ("How do you ...? Show ...") */
  question: string;
  /** Typical evidence an auditor asks to see, our wording */
  evidence: string;
  type: FindingType;
  /** Suggested remediation and default effort (our wording). */
  advice: RemediationAdvice;
  /** Laying the ground for the rest (scope, policy, risk method): planned first. */
  foundation: boolean;
  /** Clauses whose remediation must be finished before this one's starts. */
  after: readonly string[];
  /** Extra question added by Amendment 1:2024 (climate change), 4.1 and 4.2 only. */
  climateQuestion?: string;
}

/** An Annex A control of ISO/IEC 27001:2022 (5.1 ... 8.34). */
export interface Control {
  /** "5.1" ... "8.34" (no "A." prefix) */
  id: string;
  theme: Theme;
  title: string;
  /** True for the 11 controls introduced in 2022 */
  new: boolean;
  question: string;
  evidence: string;
  type: FindingType;
  /** Suggested remediation and default effort (our wording). */
  advice: RemediationAdvice;
}

/** One ISO/IEC 27001:2013 Annex A control and the 2022 control(s) it became. */
export interface Mapping2013 {
  /** "A.5.1.1" */
  iso2013: string;
  /** Short 2013 title */
  title2013: string;
  /** ["5.1"], or two ids where the 2013 control was split */
  iso2022: string[];
}

/** Documented information the standard requires (documents and records). */
export interface MandatoryDocument {
  /** Stable slug, e.g. "isms-scope" */
  id: string;
  title: string;
  /** Clause or control it comes from, e.g. "4.3" or "A.5.9" style ids without prefix: "5.9" */
  clause: string;
  kind: "Document" | "Record";
}

export type IdKind = "clause" | "control2022" | "control2013";

/** One interpretation of something a user typed as an id. */
export interface IdMatch {
  kind: IdKind;
  /** Canonical id: clause "6.1.2", 2022 control "5.1", 2013 control "A.12.6.1" */
  id: string;
}
