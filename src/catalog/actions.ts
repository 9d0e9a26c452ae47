// Suggested remediation for every clause and control: what to do about a partial and about a
// missing item, and a default effort in person-days. Our own wording, never the standard's text.
import type { RemediationAdvice } from "./types";

/** effort: person-days to put the item in place from nothing; partial: close the remaining gaps;
 *  missing: set it up. */
function advice(effort: number, partial: string, missing: string): RemediationAdvice {
  return { effort, partial, missing };
}

/** Clauses 4-10, by id. */
export const CLAUSE_ADVICE: Readonly<Record<string, RemediationAdvice>> = {
  "4.1": advice(
    3,
    "Refresh the context analysis: add the missing internal and external issues, record the climate decision and have management review it.",
    "Run a context workshop with management, record the internal and external issues (including whether climate change matters) and set a yearly review."
  ),
  "4.2": advice(
    3,
    "Complete the interested-party register: add the missing parties and expectations, mark the ones you commit to meet and record the review.",
    "Build a register of interested parties and what they expect, mark the expectations you commit to, and have management approve it."
  ),
  "4.3": advice(
    3,
    "Tighten the scope statement: name the sites, teams, systems and outsourced services, explain each exclusion and have it signed again.",
    "Write and sign a scope statement: what the ISMS covers (sites, teams, systems, suppliers), its interfaces, and why anything is left out."
  ),
  "4.4": advice(
    5,
    "Complete the ISMS process map: give every process an owner, show how the processes connect and put recurring work in an annual calendar.",
    "Describe how the ISMS runs: a process map with owners and hand-offs, an annual calendar of recurring activities and an improvement log."
  ),
  "5.1": advice(
    2,
    "Make management's part visible: a standing security item on the executive agenda, minuted decisions and an approved budget.",
    "Agree with top management how they steer security: a sponsor, a standing agenda item, an approved budget and minuted decisions."
  ),
  "5.2": advice(
    3,
    "Update the top-level security policy, have top management sign the new version, publish it and collect acknowledgements.",
    "Draft a top-level information security policy with objectives and commitments, have top management approve it, publish it and record acknowledgements."
  ),
  "5.3": advice(
    3,
    "Fill the gaps in security roles: name the missing holders, update job descriptions and confirm key appointments in writing.",
    "Define security roles and authorities in a RACI, appoint an ISMS lead and role holders in writing, and publish who does what."
  ),
  "6.1.1": advice(
    3,
    "Link the ISMS-level risks and opportunities to the context and stakeholder inputs, give each action an owner and check whether it worked.",
    "Start an ISMS-level log of risks and opportunities drawn from the context and stakeholder needs, with planned actions and an effectiveness check."
  ),
  "6.1.2": advice(
    10,
    "Complete the risk method (scales, acceptance criteria, owners) and re-run the assessment so every in-scope area has dated, owned risks.",
    "Write a risk assessment method with scales and acceptance criteria, run the first assessment with the risk owners and keep the dated results."
  ),
  "6.1.3": advice(
    6,
    "Finish the treatment plan and the Statement of Applicability: justify each control decision and get risk owners to accept residual risk.",
    "Choose a treatment for each unacceptable risk, write the treatment plan and the Statement of Applicability, and get the risk owners' sign-off."
  ),
  "6.2": advice(
    3,
    "Make the security objectives measurable: add targets, owners and deadlines, and report progress to management.",
    "Set measurable security objectives with owners, targets and deadlines, plan how to reach them and report progress to management."
  ),
  "6.3": advice(
    2,
    "Use the change step every time: assess the impact of each planned ISMS change and record management approval before it happens.",
    "Introduce a short procedure for planned ISMS changes: purpose, impact, resources, who does what, and approval before the change."
  ),
  "7.1": advice(
    2,
    "Compare what the ISMS needs with the approved budget, people and tools, and get decisions on the shortfall.",
    "Estimate what the ISMS needs (people, budget, tools), get management approval and record the decisions."
  ),
  "7.2": advice(
    4,
    "Complete the competence matrix for security roles, keep evidence for each person and plan training where gaps remain.",
    "Define the competence each security role needs, check people against it, keep the evidence and plan training to close the gaps."
  ),
  "7.3": advice(
    4,
    "Extend awareness to all staff and contractors, track completion and follow up with a check such as a phishing test.",
    "Launch an awareness programme: an onboarding session, a yearly refresher on the policy and reporting duties, and completion tracking."
  ),
  "7.4": advice(
    2,
    "Complete the communication plan (what, when, with whom, by whom, how) for internal and external security topics and keep a log.",
    "Write a communication plan for security topics (what, when, with whom, by whom, how) and keep a log of external communications."
  ),
  "7.5.1": advice(
    3,
    "Complete the master list of ISMS documents and records, add the missing mandatory ones and note why any extra document exists.",
    "Create a master list of ISMS documents and records covering the mandatory set and whatever your own processes need."
  ),
  "7.5.2": advice(
    2,
    "Apply the document template everywhere: title, version, owner, approval and review date on every ISMS document.",
    "Introduce a document template and an approval workflow with version history and review dates for all ISMS documents."
  ),
  "7.5.3": advice(
    3,
    "Tighten document control: fix access rights, set retention periods, archive superseded versions and list external documents.",
    "Set up controlled storage for ISMS documents: access rights, retention periods, an archive of old versions and a list of external documents."
  ),
  "8.1": advice(
    5,
    "Document the operational processes still missing, include outsourced ones, and keep records showing they ran as planned.",
    "Plan and document how security processes run day to day, including outsourced ones, and keep records that they ran as planned."
  ),
  "8.2": advice(
    4,
    "Repeat the risk assessment on schedule and on agreed triggers (major change, serious incident), keeping each dated result.",
    "Schedule risk assessments at planned intervals and after significant changes, and keep the dated results."
  ),
  "8.3": advice(
    4,
    "Bring the treatment plan up to date: close actions with evidence, update residual risk and have the risk owners accept it.",
    "Carry out the risk treatment plan: track each action to closure with evidence and record the acceptance of residual risk."
  ),
  "9.1": advice(
    4,
    "Complete the metrics catalogue: for each measure say what, how, when and who analyses it, and act on the results.",
    "Choose a small set of security metrics, decide how and when they are measured and analysed, and report the results with actions."
  ),
  "9.2.1": advice(
    5,
    "Extend internal audits to every clause and in-scope control, keep auditors independent of their own work and keep the reports.",
    "Run a first internal audit of the ISMS with an independent auditor, covering clauses and controls, and report the findings."
  ),
  "9.2.2": advice(
    3,
    "Complete the audit programme: a multi-year plan with scope, criteria, qualified auditors and how findings are reported.",
    "Write a multi-year internal audit programme with frequency, scope, criteria, auditors and how findings are reported."
  ),
  "9.3.1": advice(
    2,
    "Hold management reviews at the planned interval with top management present, and keep the minutes.",
    "Schedule management reviews at planned intervals (at least yearly), invite top management and keep the minutes."
  ),
  "9.3.2": advice(
    2,
    "Complete the review input pack: metrics, audit results, risk status, feedback, changes and open actions.",
    "Prepare a standard management review agenda and input pack covering performance, audits, risks, feedback and open actions."
  ),
  "9.3.3": advice(
    1,
    "Record each management review decision with an owner and a date, and follow it up at the next review.",
    "Record management review decisions on improvements and changes in an action log with owners and due dates."
  ),
  "10.1": advice(
    2,
    "Track improvements in a register with before-and-after evidence, and feed lessons learned back into the ISMS.",
    "Start an improvement register fed by audits, incidents and reviews, and check the effect of each improvement."
  ),
  "10.2": advice(
    3,
    "Complete the nonconformity process: a root cause for every entry, corrective actions with owners and an effectiveness check.",
    "Set up a nonconformity and corrective action process: a log, root cause analysis, corrective action and an effectiveness check."
  ),
};

/** Annex A controls, by id. */
export const CONTROL_ADVICE: Readonly<Record<string, RemediationAdvice>> = {
  // 5 Organizational
  "5.1": advice(
    3,
    "Complete the policy set: add the missing topic-specific policies, give each an owner and review date, and collect acknowledgements.",
    "Write the topic-specific security policies you need, have them approved, publish them and collect staff acknowledgements."
  ),
  "5.2": advice(
    2,
    "Assign the remaining security responsibilities (assets, risks, processes) and confirm each holder knows and accepts the role.",
    "Define security roles and responsibilities in a RACI and name a holder for each."
  ),
  "5.3": advice(
    3,
    "Extend the segregation-of-duties matrix to the remaining critical processes and review the approved exceptions.",
    "Find the conflicting duties in critical processes, split them or add compensating checks, and record any exception."
  ),
  "5.4": advice(
    2,
    "Brief every manager on their security duties and add security to their objectives and onboarding checklists.",
    "Set out what managers must do for security (apply policies, onboard staff, review access) and brief every manager."
  ),
  "5.5": advice(
    1,
    "Update the list of authorities to contact (regulators, police, national CERT, data protection) and check the notification steps.",
    "Compile a list of authorities to contact, with when and by whom, and link it to the incident procedures."
  ),
  "5.6": advice(
    1,
    "Review memberships of security forums and make sure the advisories received are read and acted on.",
    "Join relevant security forums or sector groups and decide who follows their advisories."
  ),
  "5.7": advice(
    5,
    "Turn threat intelligence into action: pick relevant sources, analyse them regularly and record the changes made as a result.",
    "Set up threat intelligence: sources for your sector and technology, a named analyst, and a record of resulting actions."
  ),
  "5.8": advice(
    3,
    "Apply the security gates of the project method to every project and keep project risk assessments and go-live sign-offs.",
    "Add security steps to the project method: a risk check at the start, security requirements, and a security sign-off before go-live."
  ),
  "5.9": advice(
    5,
    "Complete the asset inventory: add the missing assets, assign owners and classification, and reconcile it on a schedule.",
    "Build an inventory of information and related assets with owners and classification, and keep it up to date."
  ),
  "5.10": advice(
    2,
    "Update the acceptable use rules to cover every asset type and classification level, and collect signed acknowledgements.",
    "Write acceptable use rules for information and assets, per classification level, and have every user acknowledge them."
  ),
  "5.11": advice(
    2,
    "Close the gaps in the leaver process so every asset is returned and recorded, contractors included.",
    "Add an asset return step to offboarding, with a checklist and records, for staff and contractors."
  ),
  "5.12": advice(
    3,
    "Refine the classification scheme, give guidance with examples and apply it to the main information assets.",
    "Define a classification scheme (e.g. public, internal, confidential, restricted) with handling guidance, and apply it."
  ),
  "5.13": advice(
    3,
    "Label consistently: document headers, email or sensitivity labels and metadata on the remaining systems.",
    "Introduce a labelling procedure that follows the classification scheme, and configure labels in the main tools."
  ),
  "5.14": advice(
    3,
    "Cover every transfer channel in the transfer rules, approve the tools and sign agreements where information leaves the organisation.",
    "Write rules for transferring information (email, file sharing, removable media, partners) and approve secure tools for it."
  ),
  "5.15": advice(
    3,
    "Update the access control policy and complete the access matrices for the remaining systems.",
    "Write an access control policy (need-to-know, least privilege) and define role-based access for the key systems."
  ),
  "5.16": advice(
    4,
    "Close the gaps in the joiner-mover-leaver process, approve shared accounts and clean up orphaned identities.",
    "Set up an identity lifecycle: unique IDs, joiner-mover-leaver steps, approval of shared accounts and a periodic review."
  ),
  "5.17": advice(
    3,
    "Extend the credential rules to secrets and service accounts, roll out the password manager and secure the first-credential handover.",
    "Write a password and secrets standard, provide a password manager or vault, and define how first credentials are issued."
  ),
  "5.18": advice(
    4,
    "Run access reviews on the remaining systems and remove rights no longer needed, keeping the evidence.",
    "Introduce approved access requests, periodic access reviews per system and prompt removal when roles change."
  ),
  "5.19": advice(
    3,
    "Rate the remaining suppliers by risk and complete due diligence on the high-risk ones.",
    "Write a supplier security policy, list suppliers with a risk rating and run due diligence on the critical ones."
  ),
  "5.20": advice(
    4,
    "Add security clauses to the remaining key supplier contracts and sign data processing agreements where they are missing.",
    "Create contract templates with security and data protection clauses and use them for the key supplier agreements."
  ),
  "5.21": advice(
    4,
    "Extend supply chain checks to sub-processors and software components, and pass the security terms down the chain.",
    "Identify ICT supply chain risks, require suppliers to pass security terms down, and track sub-processors and components."
  ),
  "5.22": advice(
    3,
    "Review the remaining key suppliers on a schedule: assurance reports, SLA performance and changes to their service.",
    "Set up periodic supplier reviews covering assurance reports, SLA performance, incidents and service changes."
  ),
  "5.23": advice(
    4,
    "Complete the cloud rules: a shared-responsibility matrix per provider, assurance checks and an exit plan.",
    "Write a cloud policy for choosing, configuring, monitoring and leaving providers, and apply it to the current ones."
  ),
  "5.24": advice(
    5,
    "Update the incident response plan, fill the on-call and escalation gaps and run a tabletop exercise.",
    "Write an incident response plan with roles, on-call, escalation and communication, and test it in a tabletop exercise."
  ),
  "5.25": advice(
    2,
    "Apply the triage criteria consistently and record the classification decision for each event.",
    "Define triage criteria and a severity matrix to decide which events are incidents, and record each decision."
  ),
  "5.26": advice(
    3,
    "Write playbooks for the most likely incident types and record the timeline and closure of every incident.",
    "Define how incidents are contained, resolved and communicated, with playbooks for the most likely types."
  ),
  "5.27": advice(
    2,
    "Hold a review after every significant incident and track the resulting actions to closure.",
    "Introduce post-incident reviews with root cause analysis, and feed the lessons into risks and controls."
  ),
  "5.28": advice(
    3,
    "Complete the evidence procedure with chain of custody and secure storage, and train the responders.",
    "Write a procedure for collecting and preserving evidence, with chain-of-custody forms, or arrange a forensic retainer."
  ),
  "5.29": advice(
    4,
    "Add the missing security requirements to the continuity plans and exercise them.",
    "Decide how security is kept up during a disruption and write it into the continuity and crisis plans."
  ),
  "5.30": advice(
    15,
    "Set recovery objectives for the remaining services, fix what the last recovery test found and test again.",
    "Run a business impact analysis, set recovery objectives, write ICT continuity plans and test the recovery."
  ),
  "5.31": advice(
    4,
    "Complete the register of legal, regulatory and contractual requirements and review it with legal on a schedule.",
    "Build a register of legal, regulatory and contractual security requirements with owners and review dates."
  ),
  "5.32": advice(
    2,
    "Reconcile licences with actual use and review the open-source licences in your products.",
    "Keep a licence inventory, set purchasing rules, and check software use and open-source licences against them."
  ),
  "5.33": advice(
    3,
    "Apply the retention schedule to the remaining record types, and keep disposal logs and legal holds.",
    "Write a retention schedule per record type and protect records from loss, tampering and early destruction."
  ),
  "5.34": advice(
    5,
    "Complete the record of processing, carry out the missing impact assessments and test the personal data breach process.",
    "Set up privacy governance: a privacy policy, a record of processing, impact assessments and a breach notification process."
  ),
  "5.35": advice(
    3,
    "Schedule independent reviews at planned intervals and after major changes, and follow up their findings.",
    "Arrange an independent review of the ISMS (internal audit or an outside party) and track its findings."
  ),
  "5.36": advice(
    3,
    "Run compliance checks against the policies in the remaining areas and track deviations to closure.",
    "Plan regular compliance checks against policies and standards, technical scans included, and log the deviations."
  ),
  "5.37": advice(
    4,
    "Write the missing runbooks and give every procedure an owner and a review date.",
    "Document operating procedures for key IT activities with owners, and make them available to the people who need them."
  ),
  // 6 People
  "6.1": advice(
    2,
    "Extend screening to contractors and the remaining roles, in proportion to the risk, and keep the records.",
    "Define screening checks per role (identity, references, qualifications) within local law, and keep the records."
  ),
  "6.2": advice(
    2,
    "Update contract templates with security and confidentiality terms and have them signed again where needed.",
    "Add security responsibilities and confidentiality terms to employment and contractor contracts."
  ),
  "6.3": advice(
    4,
    "Add role-based modules for high-risk roles and track completion for all staff.",
    "Create a training plan with general and role-based modules, run it and track completion."
  ),
  "6.4": advice(
    1,
    "Make sure the disciplinary procedure explicitly covers security breaches, and tell staff about it.",
    "Agree with HR a disciplinary procedure that covers security breaches, and tell staff about it."
  ),
  "6.5": advice(
    1,
    "Add the remaining after-exit duties to the exit checklist and adjust access when people change roles.",
    "Define the security duties that continue after someone leaves or changes role, and put them in contracts and exit steps."
  ),
  "6.6": advice(
    1,
    "Review the NDA templates, get the missing NDAs signed and keep a register of agreements.",
    "Create NDA templates for staff and third parties, have them signed and keep a register."
  ),
  "6.7": advice(
    3,
    "Extend the remote working rules to every device and location, and enforce secure access and endpoint checks.",
    "Write remote working rules and provide secure remote access (VPN or zero trust) from compliant devices."
  ),
  "6.8": advice(
    2,
    "Make the reporting channel known to all staff and measure how quickly reports are handled.",
    "Set up an easy channel for reporting security events, tell everyone how to use it and log the reports."
  ),
  // 7 Physical
  "7.1": advice(
    5,
    "Fix the weak points found in perimeter inspections and mark the security zones on the site plans.",
    "Define security perimeters and zones for each site and protect them with suitable barriers and alarms."
  ),
  "7.2": advice(
    4,
    "Close the gaps in entry control: review access lists, log every visitor and control the delivery areas.",
    "Control entry to secure areas with badges or keys, a visitor log and a delivery area procedure."
  ),
  "7.3": advice(
    3,
    "Secure the remaining rooms and facilities: locks, screen positioning and discreet signage.",
    "Protect offices and rooms holding sensitive information with locks and a layout that limits overlooking."
  ),
  "7.4": advice(
    5,
    "Extend monitoring to the uncovered areas, set footage retention and agree who responds to alarms.",
    "Install premises monitoring (CCTV, intrusion alarms or guard patrols) and define who responds."
  ),
  "7.5": advice(
    5,
    "Deal with the physical and environmental threats still open in the site risk assessment.",
    "Assess physical and environmental threats (fire, flood, heat, power) per site and install protection."
  ),
  "7.6": advice(
    1,
    "Apply the secure-area rules consistently: escorts, no unsupervised work and briefings.",
    "Write rules for working in secure areas and brief everyone who works there."
  ),
  "7.7": advice(
    1,
    "Enforce screen lock by policy on every device and run regular clear-desk spot checks.",
    "Introduce clear desk and clear screen rules, enforce screen locks technically and spot-check compliance."
  ),
  "7.8": advice(
    3,
    "Move or protect the remaining exposed equipment with locked racks and environmental controls.",
    "Place and protect equipment against theft, damage and environmental risks (locked racks, climate control)."
  ),
  "7.9": advice(
    2,
    "Make the off-site rules cover every device, and check encryption and sign-out records.",
    "Write rules for assets used off-site, require encryption and keep sign-out records."
  ),
  "7.10": advice(
    3,
    "Extend the media rules to all media types: control USB use, log transport and keep destruction certificates.",
    "Define how storage media are handled, moved, restricted (e.g. USB control) and destroyed."
  ),
  "7.11": advice(
    5,
    "Test the remaining utilities (UPS, generator, cooling, network links) and remove single points of failure.",
    "Protect facilities against utility failures with UPS, backup power, cooling and redundant links, and test them."
  ),
  "7.12": advice(
    3,
    "Label and protect the remaining cabling, and separate power and data runs.",
    "Document and protect power and data cabling against interception, interference and damage."
  ),
  "7.13": advice(
    2,
    "Bring the maintenance records up to date and wipe data before equipment goes out for repair.",
    "Plan equipment maintenance with approved maintainers and records, and protect the data during repairs."
  ),
  "7.14": advice(
    2,
    "Apply the disposal procedure to all equipment and keep wipe logs or destruction certificates.",
    "Write a secure disposal and re-use procedure with verified wiping or destruction, and keep the records."
  ),
  // 8 Technological
  "8.1": advice(
    8,
    "Enrol the remaining devices in endpoint management and enforce encryption, screen lock and remote wipe.",
    "Set up endpoint management for all user devices with encryption, screen lock, updates and remote wipe, plus BYOD rules."
  ),
  "8.2": advice(
    8,
    "Bring the remaining privileged accounts under control: inventory, separate admin accounts, approvals and reviews.",
    "Inventory privileged accounts, separate them from everyday accounts, require approval and review them regularly."
  ),
  "8.3": advice(
    5,
    "Align permissions with the role definitions on the remaining systems and test them.",
    "Restrict access to information by role and need-to-know on each system, and test the settings."
  ),
  "8.4": advice(
    3,
    "Tighten repository access: review the access lists, protect branches and check the audit logs.",
    "Restrict and log access to source code repositories, with branch protection and reviewed access lists."
  ),
  "8.5": advice(
    6,
    "Extend MFA and single sign-on to the remaining systems and alert on repeated failed logins.",
    "Introduce secure sign-in: single sign-on, MFA for all remote and privileged access, lockout and alerts."
  ),
  "8.6": advice(
    4,
    "Add capacity monitoring and thresholds for the remaining critical systems and plan capacity ahead.",
    "Monitor the capacity of critical systems with alert thresholds, and make a capacity plan."
  ),
  "8.7": advice(
    5,
    "Close the coverage gaps in malware protection and check that engines and signatures stay current.",
    "Deploy malware protection (EDR or antivirus, email filtering) on all endpoints and servers, and monitor it."
  ),
  "8.8": advice(
    10,
    "Extend vulnerability scanning to every asset, meet the patch deadlines and record exceptions.",
    "Set up vulnerability management: regular scans, patch deadlines by severity, penetration tests and an exception register."
  ),
  "8.9": advice(
    8,
    "Apply hardening baselines to the remaining systems and monitor configuration drift.",
    "Define secure configuration baselines for each system type, apply them and detect drift."
  ),
  "8.10": advice(
    4,
    "Automate deletion for the remaining data stores and get deletion confirmations from suppliers.",
    "Decide when information must be deleted, automate deletion where possible and keep deletion logs."
  ),
  "8.11": advice(
    5,
    "Mask or pseudonymise the remaining sensitive data sets and limit who sees unmasked data.",
    "Decide which data must be masked or pseudonymised, implement it and limit who sees unmasked data."
  ),
  "8.12": advice(
    8,
    "Extend leakage prevention to the remaining channels and handle its alerts.",
    "Identify sensitive data and the channels it could leak through, and deploy DLP controls with alert handling."
  ),
  "8.13": advice(
    5,
    "Add offline or immutable copies where they are missing and run restore tests on a schedule.",
    "Set up backups as agreed per system, with offline or immutable copies, monitoring and restore tests."
  ),
  "8.14": advice(
    10,
    "Add redundancy for the remaining critical systems and test failover.",
    "Define availability requirements and build redundancy for critical systems, with failover tests."
  ),
  "8.15": advice(
    6,
    "Collect logs from the remaining sources, protect them from tampering and set retention.",
    "Write a logging standard and collect, protect and retain logs from critical systems, admin activity included."
  ),
  "8.16": advice(
    8,
    "Add detection use cases for the remaining risks and record how alerts are triaged.",
    "Monitor networks and systems for unusual behaviour with defined use cases, triage and escalation."
  ),
  "8.17": advice(
    1,
    "Point the remaining systems at the approved time sources and monitor drift.",
    "Synchronise all system clocks to approved time sources and monitor drift."
  ),
  "8.18": advice(
    2,
    "Restrict the remaining powerful utilities to approved users and log their use.",
    "List the utility programs that can bypass controls, restrict them to approved users and log their use."
  ),
  "8.19": advice(
    4,
    "Remove local admin rights where they remain and allow installs only from the approved catalogue.",
    "Control software installation on operational systems: an approved catalogue, no local admin, deployment tools."
  ),
  "8.20": advice(
    6,
    "Review the firewall rules, harden the remaining network devices and restrict management access.",
    "Secure the networks: current diagrams, reviewed firewall rules, hardened devices and restricted management access."
  ),
  "8.21": advice(
    3,
    "State security requirements in the remaining network service agreements and monitor the providers.",
    "Define security requirements for network services, put them in the agreements and monitor delivery."
  ),
  "8.22": advice(
    8,
    "Segment the remaining flat network areas and restrict traffic between zones.",
    "Design network segments by trust level, separate guest and management networks, and restrict traffic between zones."
  ),
  "8.23": advice(
    3,
    "Extend web filtering to remote users and review the blocked categories.",
    "Deploy web filtering (proxy or DNS) for office and remote users with agreed blocked categories."
  ),
  "8.24": advice(
    5,
    "Complete the cryptography standard and key management, and build a certificate inventory.",
    "Write a cryptography standard and a key management procedure, and put them in place with a certificate inventory."
  ),
  "8.25": advice(
    5,
    "Apply the secure development steps in every team and keep threat models and release checklists.",
    "Define a secure development life cycle: security requirements, threat modelling, testing and release checks."
  ),
  "8.26": advice(
    3,
    "Write security requirements for the remaining applications and purchases.",
    "Specify security requirements whenever you build or buy an application, using a checklist."
  ),
  "8.27": advice(
    3,
    "Apply the architecture principles to new designs and record the design reviews.",
    "Write secure architecture and engineering principles and review designs against them."
  ),
  "8.28": advice(
    6,
    "Extend code scanning and reviews to all repositories and train developers in secure coding.",
    "Adopt secure coding guidelines, add code and dependency scanning to the pipelines and train developers."
  ),
  "8.29": advice(
    5,
    "Add security tests to acceptance for the remaining systems and record the sign-offs.",
    "Plan security testing in development and acceptance, with criteria and a sign-off before release."
  ),
  "8.30": advice(
    3,
    "Add security terms, reviews and acceptance tests to the remaining development contracts.",
    "Set security requirements for outsourced development in the contracts and check deliverables before acceptance."
  ),
  "8.31": advice(
    6,
    "Separate the remaining shared environments and restrict access to production from development.",
    "Separate development, test and production environments, each with its own access and controlled deployment."
  ),
  "8.32": advice(
    4,
    "Apply change control to all systems and record approvals, tests and emergency changes.",
    "Introduce change management: requests, impact assessment, approval, testing, rollback and an emergency path."
  ),
  "8.33": advice(
    3,
    "Mask or replace production data in the remaining test environments and record the approvals.",
    "Write a test data procedure: synthetic or masked data first, approved use of production data, and clean-up."
  ),
  "8.34": advice(
    1,
    "Apply rules of engagement to every audit and test, with read-only access where possible.",
    "Agree rules of engagement for audits and tests on live systems: scope, timing, read-only access and approval."
  ),
};

/** Clauses that lay the ground for everything else: planned first, in Phase 1. */
export const FOUNDATION_CLAUSES: readonly string[] = [
  "4.1",
  "4.2",
  "4.3",
  "5.2",
  "5.3",
  "6.1.2",
  "6.1.3",
];

/** Clause → clauses whose work must be finished first (when both are open gaps). */
export const CLAUSE_PREREQUISITES: Readonly<Record<string, readonly string[]>> = {
  "4.3": ["4.1", "4.2"],
  "6.1.3": ["6.1.2"],
  "8.2": ["6.1.2"],
  "8.3": ["6.1.3"],
  "9.2.1": ["9.2.2"],
  "9.3.3": ["9.3.2"],
};
