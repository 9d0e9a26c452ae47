// The 30 leaf requirements of ISO/IEC 27001:2022 clauses 4-10: ids, short titles, our own audit questions.
import { CLAUSE_ADVICE, CLAUSE_PREREQUISITES, FOUNDATION_CLAUSES } from "./actions";
import type { Clause, FindingType } from "./types";

/** Top-level clauses 4-10, used for grouping and the per-clause breakdown on Summary. */
export const CLAUSE_PARENTS: { id: number; title: string }[] = [
  { id: 4, title: "Context of the organization" },
  { id: 5, title: "Leadership" },
  { id: 6, title: "Planning" },
  { id: 7, title: "Support" },
  { id: 8, title: "Operation" },
  { id: 9, title: "Performance evaluation" },
  { id: 10, title: "Improvement" },
];

// The parent is always the first number of the id, so derive it rather than type it twice.
function clause(
  id: string,
  title: string,
  type: FindingType,
  question: string,
  evidence: string,
  climateQuestion?: string
): Clause {
  const advice = CLAUSE_ADVICE[id];
  if (advice === undefined) throw new Error(`Clause without remediation advice: ${id}`);
  const row: Clause = {
    id,
    parent: Number(id.split(".")[0]),
    title,
    question,
    evidence,
    type,
    advice,
    foundation: FOUNDATION_CLAUSES.includes(id),
    after: CLAUSE_PREREQUISITES[id] ?? [],
  };
  if (climateQuestion !== undefined) row.climateQuestion = climateQuestion;
  return row;
}

export const CLAUSES: Clause[] = [
  // 4 Context of the organization
  clause(
    "4.1",
    "Understanding the organization and its context",
    "Procedural",
    "Which business, technical and external factors could help or hurt your security programme, and how do you keep that picture current? Show your latest context analysis.",
    "Context analysis (SWOT/PESTLE or similar); issues log with review date; management minutes discussing it",
    "Have you decided whether climate change matters to your information security (flooded sites, heat waves, failing suppliers)? Show where that decision and its reasoning are recorded."
  ),
  clause(
    "4.2",
    "Understanding the needs and expectations of interested parties",
    "Procedural",
    "Who are the stakeholders of your ISMS, what do they expect from you, and which of those expectations have you committed to meet? Show the register.",
    "Stakeholder register; mapped legal, contractual and customer expectations; record of its last review",
    "Do customers, regulators, insurers or investors expect climate-related commitments from you (disclosures, resilience targets)? Show how you captured and assessed them."
  ),
  clause(
    "4.3",
    "Determining the scope of the information security management system",
    "Policy",
    "Where does your ISMS start and stop (sites, teams, systems, outsourced services), and why were any exclusions made? Show the approved scope statement.",
    "Signed scope statement; site and network overview; interfaces and dependencies list; reasons for exclusions"
  ),
  clause(
    "4.4",
    "Information security management system",
    "Procedural",
    "How do your ISMS processes connect and who owns each one? Walk me through your process map and how it is kept running year after year.",
    "ISMS manual or process map; process owners; annual ISMS calendar; improvement log"
  ),

  // 5 Leadership
  clause(
    "5.1",
    "Leadership and commitment",
    "Policy",
    "How does top management visibly drive security (budget, priorities, attendance, decisions)? Show two decisions they took about the ISMS this year.",
    "Board or executive minutes; approved security budget; leadership communications; resourcing decisions"
  ),
  clause(
    "5.2",
    "Policy",
    "Policy",
    "Who approved your top-level security policy, when was it last reviewed, and how do staff and partners get hold of it? Show the current signed version.",
    "Signed policy with version history; intranet or portal publication; acknowledgement records; review record"
  ),
  clause(
    "5.3",
    "Organizational roles, responsibilities and authorities",
    "Policy",
    "Who is accountable for the ISMS and for reporting on how it performs, and how were those people appointed? Show the assignments.",
    "RACI chart; appointment letters; job descriptions; organisation chart with security roles"
  ),

  // 6 Planning
  clause(
    "6.1.1",
    "General: planning for ISMS risks and opportunities",
    "Procedural",
    "How did you decide which risks and opportunities the ISMS itself has to deal with, and how do you check that the resulting actions worked? Show the plan.",
    "ISMS-level risk and opportunity log linked to context and stakeholder inputs; action plan; effectiveness check"
  ),
  clause(
    "6.1.2",
    "Information security risk assessment",
    "Procedural",
    "What method do you use to find, score and rank security risks, and would two assessors reach the same answer with it? Show the method and a recent assessment.",
    "Risk methodology with scoring and acceptance criteria; risk register with owners; dated assessment output"
  ),
  clause(
    "6.1.3",
    "Information security risk treatment",
    "Procedural",
    "How do you choose a treatment for each risk, and how does that lead to your Statement of Applicability? Show the treatment plan and the risk owners’ sign-off.",
    "Risk treatment plan; Statement of Applicability with justifications; risk owner approval of residual risk"
  ),
  clause(
    "6.2",
    "Information security objectives and planning to achieve them",
    "Policy",
    "Which measurable security objectives have you set, who owns each one, and how is progress tracked? Show the latest status report.",
    "Objectives list with KPIs, targets, owners and deadlines; progress reports; management updates"
  ),
  clause(
    "6.3",
    "Planning of changes",
    "Procedural",
    "When the ISMS itself has to change (new site, reorganisation, new tooling), how do you plan that change so nothing is lost? Show a recent example.",
    "Change plan for the ISMS; impact assessment; updated documents; management approval"
  ),

  // 7 Support
  clause(
    "7.1",
    "Resources",
    "Procedural",
    "How do you work out what people, budget and tools the ISMS needs, and were they actually provided? Show the last resourcing decision.",
    "Budget lines; headcount plan; tool licences; resource requests and approvals"
  ),
  clause(
    "7.2",
    "Competence",
    "Procedural",
    "How do you know the people doing security work are qualified for it, and what happens when someone is not? Show competence records for two key roles.",
    "Competence matrix; certificates; training records; CVs; development plans"
  ),
  clause(
    "7.3",
    "Awareness",
    "Procedural",
    "Could an employee picked at random explain the main points of the security policy and their own part in it? Show how you check that.",
    "Awareness programme; completion rates; quiz results; phishing simulation results; onboarding material"
  ),
  clause(
    "7.4",
    "Communication",
    "Procedural",
    "What do you communicate about security, to whom, how often and through which channels, inside and outside the company? Show the plan and recent messages.",
    "Communication plan or matrix; newsletters and intranet posts; external communication log"
  ),
  clause(
    "7.5.1",
    "General: documented information the ISMS needs",
    "Procedural",
    "Which documents and records does your ISMS rely on, including any you chose to add yourselves? Show the master list and who decided what is on it.",
    "Document master list; records register; rationale for documents added beyond the mandatory set"
  ),
  clause(
    "7.5.2",
    "Creating and updating",
    "Procedural",
    "How do you make sure every ISMS document has an owner, a version, a date and an approval before it is used? Show the revision history of one.",
    "Document template; version history; approval workflow records; review dates"
  ),
  clause(
    "7.5.3",
    "Control of documented information",
    "Procedural",
    "How do people find the current version of a document, who can change it, and how are outdated copies kept out of use? Show permissions and retention rules.",
    "Document system permissions; retention schedule; archive of superseded versions; list of external documents"
  ),

  // 8 Operation
  clause(
    "8.1",
    "Operational planning and control",
    "Procedural",
    "How do you make sure security processes run as planned day to day, including the ones you outsource? Show process measures and supplier oversight records.",
    "Process procedures; operational schedules; controls over outsourced processes; change records"
  ),
  clause(
    "8.2",
    "Information security risk assessment",
    "Procedural",
    "When did you last rerun the risk assessment, and what events would make you run one early? Show the dated results.",
    "Dated risk assessment reports; list of reassessment triggers; risk register history"
  ),
  clause(
    "8.3",
    "Information security risk treatment",
    "Procedural",
    "How much of the risk treatment plan is actually done, and what is overdue? Show the current status report.",
    "Treatment plan status; closed actions with evidence; updated residual risk; risk owner acceptance"
  ),

  // 9 Performance evaluation
  clause(
    "9.1",
    "Monitoring, measurement, analysis and evaluation",
    "Procedural",
    "What do you measure about security performance, who analyses the numbers and how often, and what changed because of them? Show the last report.",
    "Metrics catalogue; dashboards; measurement schedule; analysis and resulting actions"
  ),
  clause(
    "9.2.1",
    "General: internal audits of the ISMS",
    "Procedural",
    "How do you get an independent view of whether the ISMS works and follows your own rules? Show your most recent internal audit report.",
    "Internal audit reports; evidence of auditor independence; coverage of clauses and controls"
  ),
  clause(
    "9.2.2",
    "Internal audit programme",
    "Procedural",
    "How did you set audit frequency, scope and auditors, and do the findings reach the managers concerned? Show the programme and what was carried out.",
    "Multi-year audit programme; audit plans; auditor qualifications; reports; distribution of findings"
  ),
  clause(
    "9.3.1",
    "General: top management reviews the ISMS",
    "Procedural",
    "How often does top management formally review the ISMS, and who takes part? Show the minutes of the last review.",
    "Review schedule; minutes; attendance list"
  ),
  clause(
    "9.3.2",
    "Management review inputs",
    "Procedural",
    "What goes into your management review pack and who prepares it? Show the last pack and point out where each required topic is covered.",
    "Review agenda; input pack (metrics, audit results, risk status, stakeholder feedback, open actions)"
  ),
  clause(
    "9.3.3",
    "Management review results",
    "Procedural",
    "Which decisions and actions came out of the last management review, and have they been followed through? Show the action log.",
    "Minutes with decisions; action log with owners and dates; follow-up evidence"
  ),

  // 10 Improvement
  clause(
    "10.1",
    "Continual improvement",
    "Procedural",
    "How has the ISMS got better over the past year, and how do you choose what to improve next? Show the improvement log.",
    "Improvement register; before and after metrics; lessons learned"
  ),
  clause(
    "10.2",
    "Nonconformity and corrective action",
    "Procedural",
    "When something does not conform, how do you contain it, find the root cause and prove the fix worked? Show two closed corrective actions.",
    "Nonconformity log; root cause analyses; corrective action records; effectiveness checks"
  ),
];
