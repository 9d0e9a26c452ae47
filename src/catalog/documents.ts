// The documented information an ISO/IEC 27001:2022 ISMS is expected to hold: mandatory clause items, then common Annex A ones.
import type { MandatoryDocument } from "./types";

// `clause` is always a catalog id (a clause or a 2022 control) so it can be linked to its row;
// the sub-item letter (e.g. 6.1.3 d for the SoA) lives in the title where it helps.
export const DOCUMENTS: MandatoryDocument[] = [
  // Required by clauses 4-10
  { id: "isms-scope", title: "ISMS scope statement", clause: "4.3", kind: "Document" },
  { id: "security-policy", title: "Information security policy", clause: "5.2", kind: "Document" },
  {
    id: "risk-assessment-process",
    title: "Risk assessment method and criteria",
    clause: "6.1.2",
    kind: "Document",
  },
  {
    id: "risk-treatment-process",
    title: "Risk treatment process",
    clause: "6.1.3",
    kind: "Document",
  },
  {
    id: "statement-of-applicability",
    title: "Statement of Applicability (6.1.3 d)",
    clause: "6.1.3",
    kind: "Document",
  },
  {
    id: "risk-treatment-plan",
    title: "Risk treatment plan (6.1.3 e)",
    clause: "6.1.3",
    kind: "Document",
  },
  {
    id: "security-objectives",
    title: "Information security objectives and plans",
    clause: "6.2",
    kind: "Document",
  },
  {
    id: "competence-evidence",
    title: "Evidence of competence (training, skills, experience)",
    clause: "7.2",
    kind: "Record",
  },
  {
    id: "additional-documents",
    title: "Other documents the organization decided the ISMS needs",
    clause: "7.5.1",
    kind: "Document",
  },
  {
    id: "operational-control",
    title: "Evidence that processes ran as planned",
    clause: "8.1",
    kind: "Record",
  },
  {
    id: "risk-assessment-results",
    title: "Risk assessment results",
    clause: "8.2",
    kind: "Record",
  },
  { id: "risk-treatment-results", title: "Risk treatment results", clause: "8.3", kind: "Record" },
  {
    id: "monitoring-results",
    title: "Monitoring and measurement results",
    clause: "9.1",
    kind: "Record",
  },
  {
    id: "audit-programme",
    title: "Internal audit programme and its execution",
    clause: "9.2.2",
    kind: "Record",
  },
  { id: "audit-results", title: "Internal audit results", clause: "9.2.2", kind: "Record" },
  {
    id: "management-review-results",
    title: "Management review results",
    clause: "9.3.3",
    kind: "Record",
  },
  {
    id: "corrective-actions",
    title: "Nonconformities and corrective actions",
    clause: "10.2",
    kind: "Record",
  },

  // Commonly required by Annex A controls, when the control is applicable
  {
    id: "topic-specific-policies",
    title: "Topic-specific security policies",
    clause: "5.1",
    kind: "Document",
  },
  {
    id: "security-roles",
    title: "Security roles and responsibilities",
    clause: "5.2",
    kind: "Document",
  },
  {
    id: "asset-inventory",
    title: "Inventory of information and assets",
    clause: "5.9",
    kind: "Record",
  },
  { id: "acceptable-use", title: "Acceptable use rules", clause: "5.10", kind: "Document" },
  { id: "access-control-policy", title: "Access control policy", clause: "5.15", kind: "Document" },
  {
    id: "incident-procedures",
    title: "Incident management procedures",
    clause: "5.26",
    kind: "Document",
  },
  {
    id: "legal-requirements",
    title: "Legal, regulatory and contractual requirements register",
    clause: "5.31",
    kind: "Document",
  },
  {
    id: "operating-procedures",
    title: "Operating procedures for IT management",
    clause: "5.37",
    kind: "Document",
  },
  {
    id: "event-logs",
    title: "Logs of user, administrator and system activity",
    clause: "8.15",
    kind: "Record",
  },
];
