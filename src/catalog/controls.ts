// The 93 Annex A controls of ISO/IEC 27001:2022 with theme, new-in-2022 flag and our own audit questions.
import { CONTROL_ADVICE } from "./actions";
import type { Control, FindingType, Theme } from "./types";

/** The four Annex A themes; `id` is the first number of every control id in the theme. */
export const THEMES: { id: number; theme: Theme; count: number }[] = [
  { id: 5, theme: "Organizational", count: 37 },
  { id: 6, theme: "People", count: 8 },
  { id: 7, theme: "Physical", count: 14 },
  { id: 8, theme: "Technological", count: 34 },
];

/** The theme of a 2022 control id ("5.23" -> Organizational); undefined outside 5-8. */
export function themeOf(id: string): Theme | undefined {
  const prefix = Number(id.split(".")[0]);
  return THEMES.find((t) => t.id === prefix)?.theme;
}

// The theme follows from the id prefix, so it is derived here instead of typed 93 times.
function control(
  id: string,
  title: string,
  type: FindingType,
  question: string,
  evidence: string,
  isNew = false
): Control {
  const theme = themeOf(id);
  if (theme === undefined) throw new Error(`Control id outside themes 5-8: ${id}`);
  const advice = CONTROL_ADVICE[id];
  if (advice === undefined) throw new Error(`Control without remediation advice: ${id}`);
  return { id, theme, title, new: isNew, question, evidence, type, advice };
}

const NEW = true;

export const CONTROLS: Control[] = [
  // 5 Organizational controls
  control(
    "5.1",
    "Policies for information security",
    "Policy",
    "Which topic-specific security policies do you have, who approved them and when were they last reviewed? Show the policy set and staff acknowledgements.",
    "Policy register with owners and review dates; approval records; staff acknowledgements"
  ),
  control(
    "5.2",
    "Information security roles and responsibilities",
    "Policy",
    "Who owns each security responsibility (assets, risks, processes), and do those people know it? Show the assignments.",
    "RACI matrix; job descriptions; role appointment records"
  ),
  control(
    "5.3",
    "Segregation of duties",
    "Procedural",
    "Where could one person both make and approve a critical change or payment, and how do you prevent or detect it? Show your conflict matrix.",
    "Segregation-of-duties matrix; role design; approved exceptions; compensating-control reviews"
  ),
  control(
    "5.4",
    "Management responsibilities",
    "Policy",
    "How do line managers make sure their teams actually follow the security rules? Show examples of managers briefing on or enforcing policy.",
    "Manager briefings; onboarding checklists; performance objectives that include security"
  ),
  control(
    "5.5",
    "Contact with authorities",
    "Procedural",
    "Whom would you call at regulators, police or the data protection authority during an incident, and is that list current? Show it.",
    "Authority contact list with review date; breach notification procedure; past correspondence"
  ),
  control(
    "5.6",
    "Contact with special interest groups",
    "Procedural",
    "Which security forums, ISACs or professional bodies do your people take part in, and what did you gain from them lately? Show memberships.",
    "Membership records; advisories received; meeting or conference notes"
  ),
  control(
    "5.7",
    "Threat intelligence",
    "Procedural",
    "Where does your threat information come from, who analyses it, and what did you change because of it recently? Show one intel-driven action.",
    "Threat feeds and subscriptions; analysis reports; resulting tickets, blocks or rule changes",
    NEW
  ),
  control(
    "5.8",
    "Information security in project management",
    "Procedural",
    "At which stage of a project is security risk assessed, and who signs it off before go-live? Show the security gate of a recent project.",
    "Project method with security gates; project risk assessments; go-live sign-offs"
  ),
  control(
    "5.9",
    "Inventory of information and other associated assets",
    "Procedural",
    "Can you show a current list of your information and systems with an owner for each, and explain how it stays accurate? Let us trace three entries.",
    "Asset register or CMDB with owners and classification; date of last reconciliation"
  ),
  control(
    "5.10",
    "Acceptable use of information and other associated assets",
    "Policy",
    "What rules tell staff how they may use company information and devices, and how do they acknowledge them? Show the rules and sign-offs.",
    "Acceptable use policy; handling rules per classification level; signed acknowledgements"
  ),
  control(
    "5.11",
    "Return of assets",
    "Procedural",
    "When someone leaves, how do you make sure laptops, badges, tokens and data come back? Show leaver checklists for recent departures.",
    "Leaver checklist; asset return records; HR-to-IT offboarding tickets"
  ),
  control(
    "5.12",
    "Classification of information",
    "Policy",
    "What classification levels do you use, and how does a person decide which level a document gets? Show the scheme and examples.",
    "Classification scheme; classification guidance; samples of classified assets"
  ),
  control(
    "5.13",
    "Labelling of information",
    "Procedural",
    "How can someone tell the classification of a document or system at a glance, on paper and on screen? Show labelled examples.",
    "Labelling procedure; document headers and footers; email or sensitivity labels; metadata tags"
  ),
  control(
    "5.14",
    "Information transfer",
    "Policy",
    "What rules cover sending information by email, file share, courier or phone, and do agreements with partners cover it? Show them.",
    "Transfer rules; approved transfer tools; data sharing agreements; encryption settings"
  ),
  control(
    "5.15",
    "Access control",
    "Policy",
    "Which principles decide who gets access to what (need-to-know, least privilege), and who owns those rules? Show your access control policy.",
    "Access control policy; role definitions; access matrices per system"
  ),
  control(
    "5.16",
    "Identity management",
    "Procedural",
    "How do you make sure every account belongs to one real person or an approved service, and how are shared or orphaned accounts caught? Show the lifecycle.",
    "Joiner-mover-leaver process; identity reports; shared account approvals; orphaned account reviews"
  ),
  control(
    "5.17",
    "Authentication information",
    "Procedural",
    "How are passwords and other secrets issued, stored and changed, and how do users learn to protect theirs? Show the rules and tooling.",
    "Password and secrets standard; password manager or vault; first-credential process; user guidance"
  ),
  control(
    "5.18",
    "Access rights",
    "Procedural",
    "How are access rights requested, approved, reviewed and removed, and when was the last review? Show a completed review.",
    "Access request tickets with approvals; periodic access review records; evidence of removals"
  ),
  control(
    "5.19",
    "Information security in supplier relationships",
    "Policy",
    "How do you decide which suppliers carry security risk and what you demand from each kind? Show your supplier risk tiers.",
    "Supplier security policy; supplier list with risk rating; due-diligence questionnaires"
  ),
  control(
    "5.20",
    "Addressing information security within supplier agreements",
    "Procedural",
    "Which security clauses go into your supplier contracts? Point them out in the signed contract of a critical supplier.",
    "Contract templates with security clauses; data processing agreements; signed contracts of key suppliers"
  ),
  control(
    "5.21",
    "Managing information security in the information and communication technology (ICT) supply chain",
    "Procedural",
    "How do you handle risks further down the chain: your suppliers’ suppliers, software components, hardware origin? Show examples.",
    "Sub-processor lists; software bills of materials; flow-down clauses; component provenance checks"
  ),
  control(
    "5.22",
    "Monitoring, review and change management of supplier services",
    "Procedural",
    "How do you check that suppliers keep delivering the security they promised, and how do you assess changes to their service? Show the last reviews.",
    "Supplier review minutes; assurance reports reviewed (SOC 2, ISO certificates); SLA reports; change assessments"
  ),
  control(
    "5.23",
    "Information security for use of cloud services",
    "Policy",
    "How do you select, set up, watch over and leave cloud services, and who handles what under the shared-responsibility model? Show it for your main provider.",
    "Cloud policy; shared-responsibility matrix; provider assurance reports; exit plan",
    NEW
  ),
  control(
    "5.24",
    "Information security incident management planning and preparation",
    "Procedural",
    "Who does what once a security incident is declared, and when did you last rehearse it? Show the incident response plan and roles.",
    "Incident response plan; on-call roster; escalation matrix; tabletop exercise records"
  ),
  control(
    "5.25",
    "Assessment and decision on information security events",
    "Procedural",
    "How does your team decide whether an alert or a report is a real incident, and where is that decision written down? Show triage records.",
    "Triage criteria; severity matrix; event log with classification decisions"
  ),
  control(
    "5.26",
    "Response to information security incidents",
    "Procedural",
    "Walk me through a recent incident from detection to closure: containment, communication, recovery. What went well? Show the ticket and timeline.",
    "Incident tickets; timelines; communications sent; playbooks; closure reports"
  ),
  control(
    "5.27",
    "Learning from information security incidents",
    "Procedural",
    "What changed in your controls after your last significant incident? Show the post-incident review and the actions that followed.",
    "Post-incident reviews; root cause analyses; action tracker; updated risk register"
  ),
  control(
    "5.28",
    "Collection of evidence",
    "Procedural",
    "If an incident could end in court or a disciplinary hearing, how would you preserve evidence and its chain of custody? Show the procedure.",
    "Forensic procedure; chain-of-custody forms; evidence storage; trained staff or forensic retainer"
  ),
  control(
    "5.29",
    "Information security during disruption",
    "Procedural",
    "When you switch to crisis or continuity mode, which security controls still apply and how do you know they hold? Show continuity plans covering security.",
    "Continuity plans with security requirements; crisis procedures; exercise reports"
  ),
  control(
    "5.30",
    "ICT readiness for business continuity",
    "Technical",
    "What recovery time and recovery point targets do your critical systems have, and when did a test last prove you can meet them? Show the results.",
    "Business impact analysis with RTO/RPO; ICT continuity plans; disaster recovery test reports; fixes from test findings",
    NEW
  ),
  control(
    "5.31",
    "Legal, statutory, regulatory and contractual requirements",
    "Procedural",
    "How do you find the laws, regulations and contract terms that affect security, and who keeps that list current? Show the register.",
    "Legal and regulatory register; contractual obligations list; legal review records; cryptography import/export checks"
  ),
  control(
    "5.32",
    "Intellectual property rights",
    "Procedural",
    "How do you make sure software and content are licensed and used within the licence terms? Show the latest licence reconciliation.",
    "Licence inventory; software usage reports; purchasing rules; open-source licence review"
  ),
  control(
    "5.33",
    "Protection of records",
    "Procedural",
    "How long do you keep each type of record, how are records kept safe from loss or tampering, and how are they disposed of? Show the retention schedule.",
    "Retention schedule; storage controls; disposal logs; legal hold process"
  ),
  control(
    "5.34",
    "Privacy and protection of personal identifiable information (PII)",
    "Policy",
    "Where do you process personal data, which privacy laws apply to it, and how does security support them? Show your record of processing.",
    "Privacy policy; record of processing activities; DPIAs; DPO appointment; personal data breach process"
  ),
  control(
    "5.35",
    "Independent review of information security",
    "Procedural",
    "When did someone outside the security team last review your approach to security, and what came of it? Show the report.",
    "Independent review reports (internal audit or external); scope; follow-up actions"
  ),
  control(
    "5.36",
    "Compliance with policies, rules and standards for information security",
    "Procedural",
    "How do managers check that their areas really follow security policies and standards, and what happens with deviations? Show recent checks.",
    "Compliance check reports; technical compliance scans; deviation log; corrective actions"
  ),
  control(
    "5.37",
    "Documented operating procedures",
    "Procedural",
    "Could a new administrator run backups, patching or user provisioning from your written procedures? Show them and when they were last updated.",
    "Runbooks and SOPs with owners and review dates; wiki change history"
  ),

  // 6 People controls
  control(
    "6.1",
    "Screening",
    "Procedural",
    "What background checks do you run before hiring, and are they scaled to the role and allowed by local law? Show records for recent hires.",
    "Screening rules; check records (identity, references, qualifications); contractor screening evidence"
  ),
  control(
    "6.2",
    "Terms and conditions of employment",
    "Policy",
    "Where do employment contracts or contractor agreements spell out security duties? Show a signed example.",
    "Contract templates with security and confidentiality clauses; signed contracts; employee handbook"
  ),
  control(
    "6.3",
    "Information security awareness, education and training",
    "Procedural",
    "What security training does each role get, how often, and how do you know it works? Show completion figures.",
    "Training plan; LMS completion reports; role-based modules; phishing test results"
  ),
  control(
    "6.4",
    "Disciplinary process",
    "Policy",
    "What happens when someone breaks the security rules, and is the process known and applied fairly? Show the process and anonymised cases, if any.",
    "Disciplinary procedure that covers security breaches; HR communications; anonymised case records"
  ),
  control(
    "6.5",
    "Responsibilities after termination or change of employment",
    "Procedural",
    "Which confidentiality duties continue after someone leaves or moves role, and how are they reminded of them? Show exit paperwork.",
    "Exit checklist; post-employment clauses; access changes on role moves"
  ),
  control(
    "6.6",
    "Confidentiality or non-disclosure agreements",
    "Procedural",
    "Who has to sign a confidentiality agreement, and when were your templates last reviewed? Show signed NDAs for staff and third parties.",
    "NDA templates; signed NDAs; register of agreements; template review record"
  ),
  control(
    "6.7",
    "Remote working",
    "Policy",
    "What security rules apply when people work from home or on the move, and how are they enforced technically? Show the rules and device settings.",
    "Remote working policy; VPN or zero-trust access configuration; endpoint compliance reports; user guidance"
  ),
  control(
    "6.8",
    "Information security event reporting",
    "Procedural",
    "How does an employee report something suspicious, and how quickly does it reach the right team? Show the channel and recent reports.",
    "Reporting channel (portal, mailbox, hotline); awareness material; report log with response times"
  ),

  // 7 Physical controls
  control(
    "7.1",
    "Physical security perimeters",
    "Technical",
    "Where are the boundaries of your secure areas, and how are they built to keep intruders out? Show the site plan.",
    "Site plans with security zones; perimeter inspection records; door and alarm specifications"
  ),
  control(
    "7.2",
    "Physical entry",
    "Technical",
    "How do you control and record who enters offices, server rooms and delivery areas? Show access logs and the visitor process.",
    "Badge system logs; visitor register; access list reviews; delivery area procedure"
  ),
  control(
    "7.3",
    "Securing offices, rooms and facilities",
    "Technical",
    "How are offices and rooms that hold sensitive information protected from casual access or prying eyes? Show us on a walk-through.",
    "Locked rooms; screen positioning; discreet signage; walk-through observations"
  ),
  control(
    "7.4",
    "Physical security monitoring",
    "Technical",
    "How would you notice someone getting in who should not (CCTV, alarms, guards), and who responds? Show coverage and alarm logs.",
    "CCTV coverage map; intrusion alarm logs; guard patrol records; footage retention settings",
    NEW
  ),
  control(
    "7.5",
    "Protecting against physical and environmental threats",
    "Technical",
    "Which hazards (fire, flood, heat, power surges, unrest) did you assess for your sites, and what protects against them? Show the assessment.",
    "Site risk assessment; fire detection and suppression certificates; flood and temperature sensors"
  ),
  control(
    "7.6",
    "Working in secure areas",
    "Procedural",
    "What rules apply inside secure areas (escorts, photography, lone working), and how are they enforced? Show how the rules are posted or briefed.",
    "Secure area rules; escort logs; signage; briefing records"
  ),
  control(
    "7.7",
    "Clear desk and clear screen",
    "Policy",
    "What are your clear desk and screen-lock rules, and what did the last spot check find? Show the results.",
    "Clear desk rules; screen-lock settings pushed by policy or MDM; spot-check reports"
  ),
  control(
    "7.8",
    "Equipment siting and protection",
    "Technical",
    "How do you decide where equipment sits so it is safe from damage, tampering and overlooking? Show server room and office layouts.",
    "Equipment layout; locked racks; environmental controls; inspection records"
  ),
  control(
    "7.9",
    "Security of assets off-premises",
    "Procedural",
    "How are laptops and other assets protected once they leave the building, and who authorises that? Show the rules and how assets are tracked.",
    "Off-site asset rules; encryption status; asset sign-out records; travel guidance"
  ),
  control(
    "7.10",
    "Storage media",
    "Procedural",
    "How do you handle USB drives, backup tapes and other media through use, transport and disposal? Show media logs and destruction certificates.",
    "Media handling rules; USB control settings; media transport logs; destruction certificates"
  ),
  control(
    "7.11",
    "Supporting utilities",
    "Technical",
    "What keeps power, cooling and connectivity running for critical systems, and when were UPS and generators last tested? Show maintenance records.",
    "UPS and generator test logs; HVAC maintenance; redundant ISP contracts; capacity alarms"
  ),
  control(
    "7.12",
    "Cabling security",
    "Technical",
    "How are power and network cables protected from tapping, interference and damage? Show the comms rooms and cable labelling.",
    "Cabling diagrams; labelled patch panels; conduits; separated power and data runs"
  ),
  control(
    "7.13",
    "Equipment maintenance",
    "Procedural",
    "Is critical equipment serviced on schedule by authorised people, and how is data protected when kit goes out for repair? Show the maintenance log.",
    "Maintenance schedule; service records; approved maintainers; data wipe before repair"
  ),
  control(
    "7.14",
    "Secure disposal or re-use of equipment",
    "Procedural",
    "How do you make sure storage in retired or reissued equipment is wiped or destroyed? Show disposal records for recent items.",
    "Disposal procedure; wipe logs; destruction certificates; disposal vendor contract"
  ),

  // 8 Technological controls
  control(
    "8.1",
    "User end point devices",
    "Technical",
    "How are laptops, phones and tablets that touch company data configured, managed and protected if lost? Show MDM or endpoint compliance reports.",
    "MDM or endpoint management reports; disk encryption status; BYOD rules; remote wipe; automatic screen lock"
  ),
  control(
    "8.2",
    "Privileged access rights",
    "Technical",
    "Who holds admin rights, how were they granted, and how is their use watched? Show the list of privileged accounts and its last review.",
    "Privileged account inventory; PAM tool logs; approvals; periodic reviews; separate admin accounts"
  ),
  control(
    "8.3",
    "Information access restriction",
    "Technical",
    "How do system settings actually enforce your access rules on file shares, databases and SaaS apps? Show the permissions of a sensitive repository.",
    "Permission configurations; role-to-group mappings; access test results"
  ),
  control(
    "8.4",
    "Access to source code",
    "Technical",
    "Who can read or change source code and build pipelines, and how are changes traced to a person? Show repository permissions.",
    "Repository access lists; branch protection rules; commit signing; audit logs"
  ),
  control(
    "8.5",
    "Secure authentication",
    "Technical",
    "Which systems require MFA, how are login attempts limited and monitored, and where are the exceptions? Show the identity provider settings.",
    "SSO or identity provider configuration; MFA coverage report; lockout settings; failed-login alerts"
  ),
  control(
    "8.6",
    "Capacity management",
    "Technical",
    "How do you forecast and watch the capacity of systems, storage and networks so performance does not collapse? Show capacity reports and thresholds.",
    "Capacity dashboards; alert thresholds; capacity plans; auto-scaling policies"
  ),
  control(
    "8.7",
    "Protection against malware",
    "Technical",
    "What protects endpoints, servers and mail against malware, and how do you know every device is covered and up to date? Show the console.",
    "EDR or antivirus coverage report; engine and signature status; email filtering; user awareness"
  ),
  control(
    "8.8",
    "Management of technical vulnerabilities",
    "Technical",
    "How do you find vulnerabilities, decide how fast each must be fixed, and prove you met those deadlines? Show scan results and patch SLAs.",
    "Vulnerability scan reports; patch SLAs and compliance; penetration test reports; exception register"
  ),
  control(
    "8.9",
    "Configuration management",
    "Technical",
    "How do you define secure baseline configurations and spot systems that drift from them? Show one baseline and a drift report.",
    "Hardening baselines (e.g. CIS benchmarks); configuration-as-code repositories; drift reports; change records",
    NEW
  ),
  control(
    "8.10",
    "Information deletion",
    "Technical",
    "How do you make sure data is deleted once it is no longer needed, including copies held by suppliers? Show deletion logs or certificates.",
    "Retention and deletion rules; automated deletion jobs; supplier deletion confirmations; deletion logs",
    NEW
  ),
  control(
    "8.11",
    "Data masking",
    "Technical",
    "Where do you mask, pseudonymise or anonymise sensitive data (test, analytics, support), and who decides? Show the technique in use.",
    "Masking rules; pseudonymisation design; sample of masked data; who can see unmasked data",
    NEW
  ),
  control(
    "8.12",
    "Data leakage prevention",
    "Technical",
    "How do you detect and stop sensitive data leaving by email, web, USB or cloud sharing? Show DLP rules and recent alerts.",
    "DLP policies; alert logs and handling; blocked transfer reports; channels covered",
    NEW
  ),
  control(
    "8.13",
    "Information backup",
    "Technical",
    "What is backed up, how often, where are copies kept, and when did you last restore successfully? Show restore test results.",
    "Backup schedule; job success reports; offline or immutable copies; restore test records"
  ),
  control(
    "8.14",
    "Redundancy of information processing facilities",
    "Technical",
    "Which critical services have redundant components or sites, and have you tested failover? Show the architecture and test results.",
    "High-availability architecture; failover test reports; redundancy requirements"
  ),
  control(
    "8.15",
    "Logging",
    "Technical",
    "Which events do you log, how are logs protected from tampering, and how long are they kept? Show log sources and retention settings.",
    "Logging standard; log source inventory; SIEM retention; access restrictions on logs; admin activity logs"
  ),
  control(
    "8.16",
    "Monitoring activities",
    "Technical",
    "How do you watch networks, systems and applications for unusual behaviour, and who acts on alerts? Show how last month’s alerts were handled.",
    "SIEM or SOC use cases; alert triage records; behaviour baselines; escalation evidence",
    NEW
  ),
  control(
    "8.17",
    "Clock synchronization",
    "Technical",
    "Which time source do your systems use, and how would you notice a device whose clock has drifted? Show the NTP configuration.",
    "NTP configuration; approved time sources; drift monitoring"
  ),
  control(
    "8.18",
    "Use of privileged utility programs",
    "Technical",
    "Which installed tools could bypass system or application controls, who may use them, and how is their use logged? Show the list.",
    "Restricted utilities list; application allow-listing; usage logs; approvals"
  ),
  control(
    "8.19",
    "Installation of software on operational systems",
    "Technical",
    "Who can install software on production systems and endpoints, and how do you block unapproved software? Show the controls in place.",
    "Software installation rules; allow-listing or removed local admin; approved software catalogue; deployment tool logs"
  ),
  control(
    "8.20",
    "Networks security",
    "Technical",
    "How are your networks and network devices secured and administered (firewalls, admin access, monitoring)? Show the network diagram and last firewall review.",
    "Network diagrams; firewall rule reviews; network device hardening; restricted management access"
  ),
  control(
    "8.21",
    "Security of network services",
    "Technical",
    "Which security features and service levels did you require from network services (ISP, SD-WAN, DNS, VPN), and how do you check them? Show the agreements.",
    "Network service agreements; stated security requirements; provider reports; monitoring"
  ),
  control(
    "8.22",
    "Segregation of networks",
    "Technical",
    "How are your networks split into zones (guest, staff, servers, production, OT), and what traffic may cross between them? Show the segmentation rules.",
    "Segmentation design; VLAN or VPC configuration; inter-zone firewall rules; guest Wi-Fi isolation"
  ),
  control(
    "8.23",
    "Web filtering",
    "Technical",
    "How do you stop users reaching malicious or forbidden websites, including when they are off the corporate network? Show filter categories and block reports.",
    "Web proxy or DNS filter policy; blocked categories; block reports; coverage of remote users",
    NEW
  ),
  control(
    "8.24",
    "Use of cryptography",
    "Technical",
    "Where do you use encryption, which algorithms are allowed, and how are keys created, stored, rotated and revoked? Show the standard and key inventory.",
    "Cryptography standard; key management procedure; KMS or HSM configuration; certificate inventory"
  ),
  control(
    "8.25",
    "Secure development life cycle",
    "Procedural",
    "How is security built into each phase of your software development, from idea to retirement? Show your SDLC and its security activities.",
    "SDLC description; security requirement templates; threat models; release checklists"
  ),
  control(
    "8.26",
    "Application security requirements",
    "Procedural",
    "How do you set security requirements for applications you build or buy, especially internet-facing or payment ones? Show them for a recent app.",
    "Security requirement specifications; procurement checklists; design of transaction protection"
  ),
  control(
    "8.27",
    "Secure system architecture and engineering principles",
    "Procedural",
    "Which secure design principles (defence in depth, zero trust, least privilege) guide your architecture, and how are designs reviewed? Show a review.",
    "Architecture principles; design review records; reference architectures"
  ),
  control(
    "8.28",
    "Secure coding",
    "Technical",
    "Which secure coding standards do developers follow, and which tools catch problems before code is merged? Show code review and SAST results.",
    "Secure coding guidelines; SAST and dependency scan results; code review records; developer training",
    NEW
  ),
  control(
    "8.29",
    "Security testing in development and acceptance",
    "Technical",
    "What security testing happens before a release is accepted, and who decides it passed? Show the test results for a recent release.",
    "Security test plans; DAST or penetration test reports; acceptance criteria; sign-offs"
  ),
  control(
    "8.30",
    "Outsourced development",
    "Procedural",
    "How do you steer, monitor and verify security in software that third parties build for you? Show the contract terms and acceptance tests.",
    "Development contracts with security terms; supplier code reviews; acceptance test results; escrow"
  ),
  control(
    "8.31",
    "Separation of development, test and production environments",
    "Technical",
    "How are development, test and production kept apart, and who can reach production? Show environment access lists and data flows.",
    "Environment architecture; access lists per environment; deployment pipeline controls"
  ),
  control(
    "8.32",
    "Change management",
    "Procedural",
    "How are changes to systems and applications requested, assessed, approved, tested and rolled back if needed? Show three recent change records.",
    "Change procedure; change tickets with approvals and tests; CAB minutes; emergency change log"
  ),
  control(
    "8.33",
    "Test information",
    "Technical",
    "Where does your test data come from, and how do you stop real personal or confidential data sitting unprotected in test? Show the rules.",
    "Test data procedure; masking evidence; approvals to use production data; clean-up logs"
  ),
  control(
    "8.34",
    "Protection of information systems during audit testing",
    "Procedural",
    "How do you plan audits and technical tests on live systems so they neither disrupt operations nor expose data? Show the agreement for a recent test.",
    "Audit and test plans; rules of engagement; read-only access grants; approvals"
  ),
];
