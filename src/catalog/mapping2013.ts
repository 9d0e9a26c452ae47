// The 114 ISO/IEC 27001:2013 Annex A controls and the 2022 control(s) each became (ISO/IEC 27002:2022 Table B.2).
import type { Mapping2013 } from "./types";

// One row per 2013 control, in 2013 order. A "Not ..." comment names the tempting wrong target
// that public spreadsheets and tools tend to use; the row itself follows the official table.
const ROWS: [iso2013: string, title2013: string, iso2022: string[]][] = [
  // A.5 Information security policies
  ["A.5.1.1", "Policies for information security", ["5.1"]],
  ["A.5.1.2", "Review of the policies for information security", ["5.1"]],

  // A.6 Organization of information security
  ["A.6.1.1", "Information security roles and responsibilities", ["5.2"]],
  ["A.6.1.2", "Segregation of duties", ["5.3"]],
  ["A.6.1.3", "Contact with authorities", ["5.5"]],
  ["A.6.1.4", "Contact with special interest groups", ["5.6"]],
  // Not 5.7 Threat intelligence, which is new and has no 2013 source.
  ["A.6.1.5", "Information security in project management", ["5.8"]],
  // Not 6.7 Remote working: mobile devices merged into 8.1 User end point devices.
  ["A.6.2.1", "Mobile device policy", ["8.1"]],
  ["A.6.2.2", "Teleworking", ["6.7"]],

  // A.7 Human resource security
  ["A.7.1.1", "Screening", ["6.1"]],
  ["A.7.1.2", "Terms and conditions of employment", ["6.2"]],
  // Not a People control: it became the organizational control 5.4.
  ["A.7.2.1", "Management responsibilities", ["5.4"]],
  ["A.7.2.2", "Information security awareness, education and training", ["6.3"]],
  ["A.7.2.3", "Disciplinary process", ["6.4"]],
  ["A.7.3.1", "Termination or change of employment responsibilities", ["6.5"]],

  // A.8 Asset management
  ["A.8.1.1", "Inventory of assets", ["5.9"]],
  ["A.8.1.2", "Ownership of assets", ["5.9"]],
  ["A.8.1.3", "Acceptable use of assets", ["5.10"]],
  ["A.8.1.4", "Return of assets", ["5.11"]],
  ["A.8.2.1", "Classification of information", ["5.12"]],
  ["A.8.2.2", "Labelling of information", ["5.13"]],
  // Not 5.12/5.13: handling rules joined acceptable use in 5.10.
  ["A.8.2.3", "Handling of assets", ["5.10"]],
  ["A.8.3.1", "Management of removable media", ["7.10"]],
  // Not 7.14 or 8.10: media disposal stays with 7.10 Storage media.
  ["A.8.3.2", "Disposal of media", ["7.10"]],
  ["A.8.3.3", "Physical media transfer", ["7.10"]],

  // A.9 Access control
  ["A.9.1.1", "Access control policy", ["5.15"]],
  // Not 8.20/8.21 (network controls): it merged into 5.15 Access control.
  ["A.9.1.2", "Access to networks and network services", ["5.15"]],
  ["A.9.2.1", "User registration and de-registration", ["5.16"]],
  ["A.9.2.2", "User access provisioning", ["5.18"]],
  ["A.9.2.3", "Management of privileged access rights", ["8.2"]],
  ["A.9.2.4", "Management of secret authentication information of users", ["5.17"]],
  ["A.9.2.5", "Review of user access rights", ["5.18"]],
  ["A.9.2.6", "Removal or adjustment of access rights", ["5.18"]],
  ["A.9.3.1", "Use of secret authentication information", ["5.17"]],
  ["A.9.4.1", "Information access restriction", ["8.3"]],
  ["A.9.4.2", "Secure log-on procedures", ["8.5"]],
  // Not 8.5 Secure authentication: password management went to 5.17.
  ["A.9.4.3", "Password management system", ["5.17"]],
  ["A.9.4.4", "Use of privileged utility programs", ["8.18"]],
  ["A.9.4.5", "Access control to program source code", ["8.4"]],

  // A.10 Cryptography
  ["A.10.1.1", "Policy on the use of cryptographic controls", ["8.24"]],
  ["A.10.1.2", "Key management", ["8.24"]],

  // A.11 Physical and environmental security
  ["A.11.1.1", "Physical security perimeter", ["7.1"]],
  ["A.11.1.2", "Physical entry controls", ["7.2"]],
  ["A.11.1.3", "Securing offices, rooms and facilities", ["7.3"]],
  ["A.11.1.4", "Protecting against external and environmental threats", ["7.5"]],
  ["A.11.1.5", "Working in secure areas", ["7.6"]],
  // Not 7.1 or 7.4: delivery and loading areas merged into 7.2 Physical entry.
  ["A.11.1.6", "Delivery and loading areas", ["7.2"]],
  ["A.11.2.1", "Equipment siting and protection", ["7.8"]],
  ["A.11.2.2", "Supporting utilities", ["7.11"]],
  ["A.11.2.3", "Cabling security", ["7.12"]],
  ["A.11.2.4", "Equipment maintenance", ["7.13"]],
  // Not 7.9 or 5.11: removal of assets merged into 7.10 Storage media.
  ["A.11.2.5", "Removal of assets", ["7.10"]],
  ["A.11.2.6", "Security of equipment and assets off-premises", ["7.9"]],
  ["A.11.2.7", "Secure disposal or re-use of equipment", ["7.14"]],
  // Not 7.7: unattended equipment merged into 8.1 User end point devices.
  ["A.11.2.8", "Unattended user equipment", ["8.1"]],
  ["A.11.2.9", "Clear desk and clear screen policy", ["7.7"]],

  // A.12 Operations security
  ["A.12.1.1", "Documented operating procedures", ["5.37"]],
  ["A.12.1.2", "Change management", ["8.32"]],
  ["A.12.1.3", "Capacity management", ["8.6"]],
  ["A.12.1.4", "Separation of development, testing and operational environments", ["8.31"]],
  ["A.12.2.1", "Controls against malware", ["8.7"]],
  ["A.12.3.1", "Information backup", ["8.13"]],
  // Not 8.16 Monitoring activities, which is new: all three logging controls became 8.15.
  ["A.12.4.1", "Event logging", ["8.15"]],
  ["A.12.4.2", "Protection of log information", ["8.15"]],
  ["A.12.4.3", "Administrator and operator logs", ["8.15"]],
  ["A.12.4.4", "Clock synchronisation", ["8.17"]],
  ["A.12.5.1", "Installation of software on operational systems", ["8.19"]],
  ["A.12.6.1", "Management of technical vulnerabilities", ["8.8"]],
  // Not 8.8 (same 2013 category): software restrictions merged into 8.19.
  ["A.12.6.2", "Restrictions on software installation", ["8.19"]],
  ["A.12.7.1", "Information systems audit controls", ["8.34"]],

  // A.13 Communications security
  ["A.13.1.1", "Network controls", ["8.20"]],
  ["A.13.1.2", "Security of network services", ["8.21"]],
  ["A.13.1.3", "Segregation in networks", ["8.22"]],
  ["A.13.2.1", "Information transfer policies and procedures", ["5.14"]],
  ["A.13.2.2", "Agreements on information transfer", ["5.14"]],
  ["A.13.2.3", "Electronic messaging", ["5.14"]],
  // Not 5.14 (same 2013 category): NDAs became the People control 6.6.
  ["A.13.2.4", "Confidentiality or non-disclosure agreements", ["6.6"]],

  // A.14 System acquisition, development and maintenance
  // Not 8.26: requirements analysis merged into 5.8 project management.
  ["A.14.1.1", "Information security requirements analysis and specification", ["5.8"]],
  ["A.14.1.2", "Securing application services on public networks", ["8.26"]],
  ["A.14.1.3", "Protecting application services transactions", ["8.26"]],
  ["A.14.2.1", "Secure development policy", ["8.25"]],
  ["A.14.2.2", "System change control procedures", ["8.32"]],
  ["A.14.2.3", "Technical review of applications after operating platform changes", ["8.32"]],
  ["A.14.2.4", "Restrictions on changes to software packages", ["8.32"]],
  ["A.14.2.5", "Secure system engineering principles", ["8.27"]],
  // Not 8.25 or 8.28 (new): the secure development environment went to 8.31.
  ["A.14.2.6", "Secure development environment", ["8.31"]],
  ["A.14.2.7", "Outsourced development", ["8.30"]],
  ["A.14.2.8", "System security testing", ["8.29"]],
  ["A.14.2.9", "System acceptance testing", ["8.29"]],
  ["A.14.3.1", "Protection of test data", ["8.33"]],

  // A.15 Supplier relationships
  ["A.15.1.1", "Information security policy for supplier relationships", ["5.19"]],
  ["A.15.1.2", "Addressing security within supplier agreements", ["5.20"]],
  ["A.15.1.3", "Information and communication technology supply chain", ["5.21"]],
  ["A.15.2.1", "Monitoring and review of supplier services", ["5.22"]],
  ["A.15.2.2", "Managing changes to supplier services", ["5.22"]],

  // A.16 Information security incident management
  ["A.16.1.1", "Responsibilities and procedures", ["5.24"]],
  // Not 5.24-5.26: event and weakness reporting became the People control 6.8.
  ["A.16.1.2", "Reporting information security events", ["6.8"]],
  ["A.16.1.3", "Reporting information security weaknesses", ["6.8"]],
  ["A.16.1.4", "Assessment of and decision on information security events", ["5.25"]],
  ["A.16.1.5", "Response to information security incidents", ["5.26"]],
  ["A.16.1.6", "Learning from information security incidents", ["5.27"]],
  ["A.16.1.7", "Collection of evidence", ["5.28"]],

  // A.17 Information security aspects of business continuity management
  // Not 5.30 ICT readiness, which is new: the three continuity controls became 5.29.
  ["A.17.1.1", "Planning information security continuity", ["5.29"]],
  ["A.17.1.2", "Implementing information security continuity", ["5.29"]],
  ["A.17.1.3", "Verify, review and evaluate information security continuity", ["5.29"]],
  ["A.17.2.1", "Availability of information processing facilities", ["8.14"]],

  // A.18 Compliance
  ["A.18.1.1", "Identification of applicable legislation and contractual requirements", ["5.31"]],
  ["A.18.1.2", "Intellectual property rights", ["5.32"]],
  ["A.18.1.3", "Protection of records", ["5.33"]],
  ["A.18.1.4", "Privacy and protection of personally identifiable information", ["5.34"]],
  // Not 8.24 Use of cryptography: crypto regulation is a legal matter, 5.31.
  ["A.18.1.5", "Regulation of cryptographic controls", ["5.31"]],
  ["A.18.2.1", "Independent review of information security", ["5.35"]],
  ["A.18.2.2", "Compliance with security policies and standards", ["5.36"]],
  // The only 2013 control split in two: policy compliance went to 5.36, technical checks to 8.8.
  ["A.18.2.3", "Technical compliance review", ["5.36", "8.8"]],
];

export const MAPPING_2013: Mapping2013[] = ROWS.map(([iso2013, title2013, iso2022]) => ({
  iso2013,
  title2013,
  iso2022,
}));
