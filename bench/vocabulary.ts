// Words the generated study is made of: the register of UN/NATO policy documents and of interviews
// with their staff, with the study's search terms mixed in at rates that make searches hit hundreds
// of documents (as in the real corpus the bench stands for).

export const SUBJECTS = [
  'The Council',
  'Member States',
  'The Secretary-General',
  'The mission',
  'Humanitarian actors',
  'The Alliance',
  'Troop-contributing countries',
  'Regional organisations',
  'The Special Representative',
  'National authorities',
  'The North Atlantic Council',
  'Donor governments',
  'The host government',
  'Civil society',
  'The working group',
];

export const VERBS = [
  'reaffirms',
  'stresses',
  'underlines',
  'welcomes',
  'expresses concern about',
  'calls for',
  'recognises',
  'notes with concern',
  'requests a report on',
  'emphasises',
  'acknowledges',
  'encourages',
  'commends',
];

export const OBJECTS = [
  'the importance of',
  'the need for',
  'continued support for',
  'progress towards',
  'the implementation of',
  'renewed commitment to',
  'the coordination of',
  'accountability for',
  'sustained attention to',
  'a review of',
];

export const TOPICS = [
  'security sector reform',
  'the rule of law',
  'humanitarian access',
  'disarmament, demobilisation and reintegration',
  'capacity building',
  'electoral assistance',
  'border management',
  'the peace process',
  'mine action',
  'gender equality',
  'counter-terrorism',
  'stabilisation',
  'transitional justice',
  'regional cooperation',
  'force generation',
  'strategic communication',
  'crisis management',
  'post-conflict reconstruction',
  'training and mentoring of national forces',
  'early warning',
];

export const QUALIFIERS = [
  'in close cooperation with the host government',
  'within existing resources',
  'in accordance with international humanitarian law',
  'at the earliest opportunity',
  'in the coming reporting period',
  'across all lines of operation',
  'at national and local levels',
  'as a matter of priority',
  'in line with previous resolutions',
  'with due regard to local conditions',
];

/** The study's terms, each with the chance that a sentence carries it. */
export const TERMS: readonly { term: string; rate: number }[] = [
  { term: 'NGO', rate: 0.004 },
  { term: 'NGOs', rate: 0.004 },
  { term: 'non-governmental organisations', rate: 0.003 },
  { term: 'protection of civilians', rate: 0.005 },
  { term: 'civilian casualties', rate: 0.003 },
  { term: 'legitimacy', rate: 0.004 },
  { term: 'humanitarian space', rate: 0.002 },
  { term: 'responsibility to protect', rate: 0.0015 },
  { term: 'local ownership', rate: 0.003 },
  { term: 'comprehensive approach', rate: 0.003 },
  { term: 'human rights', rate: 0.006 },
  { term: 'civil-military cooperation', rate: 0.002 },
];

export const DOCUMENT_KINDS = [
  'resolution',
  'report',
  'communique',
  'strategic-concept',
  'summit-declaration',
  'briefing',
  'guidance',
  'evaluation',
];

export const QUESTIONS = [
  'Could you tell me about your role at the time?',
  'How did you work with NGOs in the field?',
  'What did protection of civilians mean in practice for your unit?',
  'How were civilian casualties reported back to headquarters?',
  'Who do you think gave the mission its legitimacy?',
  'Can you describe a moment when coordination broke down?',
  'How did the guidance from headquarters reach you?',
  'Is there anyone else I should speak to about this?',
  'What changed after the new mandate?',
  'How did local communities see the presence of the mission?',
];

export const ANSWER_OPENERS = [
  'Well, honestly,',
  'I think',
  'At first',
  'You have to understand that',
  'In my experience',
  'To be frank,',
  'I remember that',
  'Looking back,',
  'It depended, but',
  'Mostly',
];

export const ANSWER_BODIES = [
  'the non-governmental organisations had better contacts with the villages than we ever did',
  'we spent a lot of time in meetings about the comprehensive approach that nobody could define',
  'protection of civilians was written into every order but the means were not there',
  'civilian casualties changed how people looked at us almost overnight',
  'legitimacy came from being seen to keep promises, not from the mandate itself',
  'the NGO community did not want to be seen with soldiers, which I understood',
  'local ownership was the phrase, but decisions were taken far away',
  'human rights officers were stretched across three provinces',
  'we had to rebuild trust after every incident',
  'the reporting chain was long and things got lost on the way',
  'the humanitarian space kept shrinking as the fighting moved',
  'coordination worked when people knew each other personally',
];

export const CODE_GROUPS = [
  'Actors',
  'Civilian harm',
  'Legitimacy',
  'Coordination',
  'Mandate and guidance',
  'Local perceptions',
  'Institutional learning',
  'Method notes',
];

/** Twelve parent codes with four children each make the 60 codes of the study. */
export const CODE_TREE: readonly { parent: string; children: readonly string[] }[] = [
  { parent: 'NGO relations', children: ['Cooperation', 'Distance', 'Funding', 'Information sharing'] },
  { parent: 'Civilian casualties', children: ['Reporting', 'Investigation', 'Compensation', 'Denial'] },
  { parent: 'Protection of civilians', children: ['Mandate', 'Means', 'Training', 'Failures'] },
  { parent: 'Legitimacy', children: ['Local', 'International', 'Legal', 'Performance'] },
  { parent: 'Coordination', children: ['Civil-military', 'Inter-agency', 'Donors', 'Host state'] },
  { parent: 'Guidance', children: ['Doctrine', 'Orders', 'Rules of engagement', 'Lessons learned'] },
  { parent: 'Perceptions', children: ['Trust', 'Fear', 'Resentment', 'Gratitude'] },
  { parent: 'Human rights', children: ['Monitoring', 'Violations', 'Advocacy', 'Vetting'] },
  { parent: 'Local ownership', children: ['Rhetoric', 'Practice', 'Capacity', 'Handover'] },
  { parent: 'Humanitarian space', children: ['Access', 'Neutrality', 'Security', 'Shrinking'] },
  { parent: 'Institutional change', children: ['Reform', 'Resistance', 'Leadership', 'Memory'] },
  { parent: 'Method', children: ['Quote', 'Contradiction', 'Follow up', 'Surprise'] },
];

export const PARTICIPANT_CATEGORIES = ['UN staff', 'NATO staff', 'NGO staff', 'Diplomat', 'Researcher'];
