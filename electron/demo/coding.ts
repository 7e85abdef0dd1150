// The example study's coded subset. A segment names its document by file name without
// ".txt" ("Interview P03"), its code by the codebook path ("Resource gaps > Public legitimacy") and
// its span by a verbatim quote, found in the imported text when the study is built.

import { deriveSecondCoder, type DerivedSegment } from './secondCoder';

export const FIRST_CODER = 'Researcher A';
/** Codes two transcripts a second time, so the Team view has agreement to show. */
export const SECOND_CODER = 'Researcher B';

export interface DemoSegment {
  document: string;
  code: string;
  quote: string;
  memo?: string;
  /** A longer quote this one lies in, so a short quote that also occurs earlier is found in its place. */
  within?: string;
}

const LEGITIMACY = 'Resource gaps > Public legitimacy';
const EFFECTIVENESS = 'Resource gaps > Operational effectiveness';
const KNOWLEDGE = 'Resource gaps > Knowledge and expertise';
const INFORMATION = 'Resource gaps > Information';
const ANALYSIS = 'Learning stage > Analysis';
const IMPLEMENTATION = 'Learning stage > Implementation';
const INSTITUTIONALISATION = 'Learning stage > Institutionalisation';
const CIVILIAN = 'Level of cooperation > Civilian structure';
const MILITARY = 'Level of cooperation > Military structure';
const OPERATIONAL = 'Level of cooperation > Operational level';
const DISCUSSION = 'Type of relationship > Discussion';
const COOPERATION = 'Type of relationship > Cooperation';
const ACCESS = 'Push factors > NGO push for access';
const FUNDING = 'Push factors > NGO funding needs';
const PULL = 'Pull factors';
const NGO = 'Stakeholder > NGO';

const seg = (document: string, code: string, quote: string, memo?: string): DemoSegment =>
  memo === undefined ? { document, code, quote } : { document, code, quote, memo };

/** Researcher A's coding: every interview and each document. */
export const FIRST_CODER_SEGMENTS: DemoSegment[] = [
  seg(
    'Interview P01',
    OPERATIONAL,
    'That was in Varden province, with Provincial Reconstruction Team Kestrel.',
  ),
  seg('Interview P01', 'Mission or issue > Afghanistan/ISAF', 'Provincial Reconstruction Team Kestrel'),
  seg('Interview P01', PULL, 'So we went to them, not the other way round.'),
  seg('Interview P01', INFORMATION, 'we had no idea which villages actually needed water'),
  seg(
    'Interview P01',
    INFORMATION,
    'Honestly, because we needed their information. Who is where, which roads are safe for civilians, which elders speak for whom.',
  ),
  seg(
    'Interview P01',
    LEGITIMACY,
    'And we needed to look less like an occupying army. Being seen next to a local health NGO did more for our acceptance than any leaflet campaign.',
    'Legitimacy by association: the team borrows the NGO’s acceptance. Compare P06’s last turn.',
  ),
  seg('Interview P01', NGO, 'Bridgewell Relief would meet us, but never in uniform and never at the base.'),
  seg(
    'Interview P01',
    LEGITIMACY,
    'if the villagers saw them in our vehicles their neutrality was gone and so was their access',
  ),
  seg(
    'Interview P01',
    ANALYSIS,
    'We wrote it all up in a lessons-learned report at the end of the rotation.',
  ),
  seg(
    'Interview P01',
    IMPLEMENTATION,
    'Some of it became a standard briefing for incoming officers, a one-hour session on humanitarian principles.',
  ),
  seg(
    'Interview P01',
    INSTITUTIONALISATION,
    'It was made mandatory two rotations later, and it is in the pre-deployment course now.',
    'The one lesson that went all three stages: report → briefing → course.',
  ),

  seg(
    'Interview P02',
    NGO,
    'I coordinate our field programmes and I am the person who talks to the military when we have to.',
  ),
  seg(
    'Interview P02',
    ACCESS,
    'Access. In Varden the roads north of the river were controlled by the alliance. Without a deconfliction call we could not move our medical teams at all.',
  ),
  seg(
    'Interview P02',
    DISCUSSION,
    'So we sat in their civil-military meetings every Thursday, even when there was nothing on the agenda for us.',
  ),
  seg('Interview P02', DISCUSSION, 'Mostly talk.'),
  seg('Interview P02', INFORMATION, 'A security briefing, sometimes a map of incidents.'),
  seg(
    'Interview P02',
    COOPERATION,
    'Real cooperation happened only twice, when a flood closed the main road and CIMIC Group North lent us a bridge-layer. We planned that together over two days.',
    'The respondent draws the line between discussion and cooperation herself.',
  ),
  seg(
    'Interview P02',
    EFFECTIVENESS,
    'when a flood closed the main road and CIMIC Group North lent us a bridge-layer',
  ),
  seg('Interview P02', OPERATIONAL, 'CIMIC Group North lent us a bridge-layer'),
  seg(
    'Interview P02',
    FUNDING,
    'Two of our donors asked us to show we were coordinating with the mission. If you cannot show the minutes of a coordination meeting, your grant report looks weak. So yes, the money pushed us into that room too.',
    'Donor conditions as a push factor; see the Harbour Aid Network report of 2011.',
  ),
  seg(
    'Interview P02',
    KNOWLEDGE,
    'They asked us to lecture at their training centre on protection of civilians.',
  ),
  seg('Interview P02', MILITARY, 'their training centre'),

  seg('Interview P03', CIVILIAN, 'I sit in a policy division of the International Staff.'),
  seg(
    'Interview P03',
    DISCUSSION,
    'My contact is mostly consultations: we invite NGOs to comment on a draft policy, we hold a conference once a year, we meet their Brussels offices. It is a dialogue, not joint work.',
  ),
  seg(
    'Interview P03',
    LEGITIMACY,
    'Legitimacy, mainly. A policy on the protection of civilians that no civilian organisation has read is hard to defend in front of parliaments. The NGOs give us credibility',
  ),
  seg(
    'Interview P03',
    KNOWLEDGE,
    'they also know things we do not, about gender, about displacement, about how aid actually reaches people.',
  ),
  seg('Interview P03', IMPLEMENTATION, 'Some of their language is in the final text.'),
  seg(
    'Interview P03',
    INSTITUTIONALISATION,
    'That policy now has its own budget line and a small permanent team. So yes, something was institutionalised, slowly.',
  ),
  seg(
    'Interview P03',
    LEGITIMACY,
    'Lantern Medical told me they would read our drafts but never sign a joint statement, because their staff in the field would pay for it.',
  ),
  seg(
    'Interview P03',
    NGO,
    'Lantern Medical told me they would read our drafts but never sign a joint statement',
  ),

  seg('Interview P04', NGO, 'Open Roads Mine Action clears unexploded ordnance'),
  seg(
    'Interview P04',
    'Mission or issue > Kosovo/KFOR',
    'in Kosovo the military had the maps of what had been dropped and where.',
  ),
  seg(
    'Interview P04',
    INFORMATION,
    'the military had the maps of what had been dropped and where. We needed those maps.',
  ),
  seg(
    'Interview P04',
    EFFECTIVENESS,
    'They needed someone to do the clearance in villages they could not enter without causing alarm.',
  ),
  seg('Interview P04', PULL, 'They needed someone to do the clearance'),
  seg(
    'Interview P04',
    COOPERATION,
    'After a year we had a shared procedure for handing over strike data, signed by both sides. That was real cooperation.',
  ),
  seg(
    'Interview P04',
    INSTITUTIONALISATION,
    'KFOR kept using it, and it was copied into their standard operating procedures.',
  ),
  seg('Interview P04', OPERATIONAL, 'A unit wanted us in a press photo at a school they had rebuilt.'),
  seg(
    'Interview P04',
    LEGITIMACY,
    'Our neutrality is our security.',
    'A candidate in-vivo code for the NGO side.',
  ),

  seg(
    'Interview P05',
    ANALYSIS,
    'A working group is formed, a report is written, the report names the same gaps as the previous one. Most lessons stay at that analysis stage.',
    'The expert’s “cycle” is the study’s main puzzle: why learning stops at analysis.',
  ),
  seg(
    'Interview P05',
    IMPLEMENTATION,
    'Because implementing them means changing training, posts and budgets, and that needs someone senior to own it.',
  ),
  seg(
    'Interview P05',
    'Mission or issue > Comprehensive approach',
    'The comprehensive approach was announced in 2008 and it took years before exercises regularly included civilian role-players.',
  ),
  seg('Interview P05', IMPLEMENTATION, 'exercises regularly included civilian role-players'),
  seg(
    'Interview P05',
    'Mission or issue > Libya',
    'In Libya the alliance had no one on the ground at all, so it depended on information from humanitarian organisations and the UN.',
  ),
  seg('Interview P05', INFORMATION, 'it depended on information from humanitarian organisations and the UN'),
  seg('Interview P05', 'Stakeholder > UN agencies', 'the UN'),
  seg('Interview P05', PULL, 'Dependence made them listen. Where they could manage alone, they did.'),
  seg('Interview P05', 'Stakeholder > Think tanks', 'Think tanks and academics are a bridge.'),
  seg('Interview P05', 'Stakeholder > Academia', 'Think tanks and academics are a bridge.'),
  seg('Interview P05', DISCUSSION, 'That is discussion, but it prepares cooperation.'),

  seg('Interview P06', OPERATIONAL, 'In CIMIC Group North my job was liaison'),
  seg(
    'Interview P06',
    DISCUSSION,
    'Most of it was discussion. We wanted to know what they saw, they wanted to know where we would patrol.',
  ),
  seg(
    'Interview P06',
    INFORMATION,
    'We wanted to know what they saw, they wanted to know where we would patrol.',
  ),
  seg(
    'Interview P06',
    COOPERATION,
    'Yes, the winter fuel distribution. Bridgewell Relief had the lists of families, we had the trucks and the fuel depot. We agreed who did what',
  ),
  seg(
    'Interview P06',
    EFFECTIVENESS,
    'Bridgewell Relief had the lists of families, we had the trucks and the fuel depot.',
  ),
  seg('Interview P06', LEGITIMACY, 'they insisted that their logo was not on our trucks'),
  seg('Interview P06', ANALYSIS, 'I wrote a post-tour report'),
  seg(
    'Interview P06',
    IMPLEMENTATION,
    'I was asked to help design a new exercise module with civilian role-players. That module was run for the first time the next spring.',
  ),
  seg(
    'Interview P06',
    LEGITIMACY,
    'Their acceptance among the people is worth more than anything we can offer them.',
  ),

  seg(
    'Bridgewell Relief position paper on civil-military contact',
    LEGITIMACY,
    'Our acceptance by local communities depends on being seen as independent.',
  ),
  seg(
    'PRT Kestrel end-of-rotation lessons report',
    INFORMATION,
    'The team lacked reliable information on local needs.',
  ),
  seg(
    'PRT Kestrel end-of-rotation lessons report',
    ANALYSIS,
    'A working group should study how lessons on civilian contact are passed between rotations.',
  ),
  seg(
    'Harbour Aid Network annual report (extract)',
    FUNDING,
    'Two donors now ask partners to document coordination with international forces.',
  ),
  seg(
    'Open Roads Mine Action and KFOR handover procedure',
    INSTITUTIONALISATION,
    'It is part of the standard operating procedures of both organisations.',
  ),
  seg(
    'Alliance policy division consultation summary',
    DISCUSSION,
    'Twelve NGOs took part in the consultation on civilian protection.',
  ),
  seg(
    'Lantern Medical statement on neutrality',
    LEGITIMACY,
    'Their safety rests on the trust of every party that we are not part of any military effort.',
  ),
  seg(
    'Training centre course outline - protection of civilians',
    KNOWLEDGE,
    'a lecture by an NGO field coordinator on how humanitarian organisations see military presence',
  ),
  seg(
    'Protection of civilians policy - NGO comments round 3',
    KNOWLEDGE,
    'We remain ready to share expertise on gender, displacement and child protection.',
  ),
  seg(
    'CIMIC Group North winter fuel distribution after-action note',
    COOPERATION,
    'Tasks were divided in advance',
  ),
  seg(
    'Seminar report - civil-military dialogue in crisis response',
    ANALYSIS,
    'most lessons on civil-military relations are identified but not implemented',
  ),
  seg(
    'Harbour Aid Network donor coordination guidance',
    FUNDING,
    'Country offices should document coordination with military actors where donors require it.',
  ),
  seg(
    'Exercise module with civilian role-players - evaluation',
    IMPLEMENTATION,
    'The new exercise module with civilian role-players was run for the first time in spring 2020 and again in 2021.',
  ),
];

/**
 * Researcher B coded P01 and P03 after A: mostly the same passages, and per transcript one missed, two
 * coded shorter and one given a neighbouring code (secondCoder.ts), so the Team view has agreement
 * below 1 to explain.
 */
export const SECOND_CODER_DERIVATION: DerivedSegment[] = deriveSecondCoder(FIRST_CODER_SEGMENTS, {
  documents: ['Interview P01', 'Interview P03'],
  seed: 17,
  missed: 1,
  shorter: 2,
  recoded: 1,
});

export const SECOND_CODER_SEGMENTS: DemoSegment[] = SECOND_CODER_DERIVATION.filter(
  (d) => d.difference !== 'missed',
).map((d) => d.segment);
