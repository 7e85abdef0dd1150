// The example study's memos: the project memo says the study is fictional; codes and documents by
// their paths and titles, as in coding.ts.

export const PROJECT_MEMO = {
  title: 'About this example study',
  body: `This is a fictional study written for Passage, to explore the app on first start. Every person, NGO (Bridgewell Relief, Harbour Aid Network, Lantern Medical, Open Roads Mine Action), unit (Provincial Reconstruction Team Kestrel, CIMIC Group North), institute and place (Varden province) is invented; no quote comes from a real interview.

Research question: why and how do military and non-governmental actors come to cooperate, and how far does the military side learn from it? The codebook is Passage's theory template (resource dependency and organisational learning).

What to try: open Interview P01 in the reader, filter the reports by the document group "NGO documents", compare Researcher A and Researcher B in the Team view (they coded P01 and P03), look at the referral graph in Sample, then export a Word appendix. Delete this file whenever you like.`,
};

export const CODE_MEMOS: { code: string; title: string; body: string }[] = [
  {
    code: 'Resource gaps > Public legitimacy',
    title: 'Legitimacy runs both ways',
    body: 'The military side seeks legitimacy from NGOs (P01, P03); the NGO side protects its own by keeping distance (P04, Lantern Medical). The same code holds both: split it if the pattern holds in more interviews.',
  },
  {
    code: 'Learning stage > Analysis',
    title: 'Where learning stops',
    body: 'Lessons reports and working groups recur across the documents from 2010 to 2018. Institutionalisation is rare and follows a named owner or a budget line (P03, P05).',
  },
];

export const DOCUMENT_MEMOS: { document: string; title: string; body: string }[] = [
  {
    document: 'Interview P01',
    title: 'Interview notes',
    body: 'Video call, 55 minutes. The participant spoke freely about the PRT period, more guardedly about headquarters. Referred P03 and P04.',
  },
  {
    document: 'Interview P04',
    title: 'Interview notes',
    body: 'In person. The strike-data procedure is also a document in this project (2012); the two accounts agree.',
  },
];
