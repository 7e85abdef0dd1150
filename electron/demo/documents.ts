// The example study's documents: short, dated, invented texts (2009–2021). Those written by the
// invented NGOs form the document group "NGO documents".

export interface DemoDocument {
  /** File name as imported; the title is taken from it. */
  fileName: string;
  /** YYYY-MM. */
  date: string;
  author: string;
  /** Who wrote it: the document attribute "Source"; the NGOs' documents also form the NGO group. */
  source: DemoSource;
  text: string;
}

export const NGO_GROUP = 'NGO documents';
export const SOURCE_ATTRIBUTE = 'Source';
export type DemoSource = 'NGO' | 'Military' | 'Alliance civilian' | 'Think tank';

export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    fileName: 'Bridgewell Relief position paper on civil-military contact.txt',
    date: '2009-06',
    author: 'Bridgewell Relief',
    source: 'NGO',
    text: `Bridgewell Relief meets military actors only where this is needed to reach people in need. Our staff do not travel in military vehicles, do not attend meetings in uniformed settings and do not appear in military publicity.

Contact is limited to the exchange of security information and to deconfliction of movements. Our acceptance by local communities depends on being seen as independent. Any cooperation that endangers that acceptance endangers our staff.`,
  },
  {
    fileName: 'PRT Kestrel end-of-rotation lessons report.txt',
    date: '2010-11',
    author: 'Provincial Reconstruction Team Kestrel',
    source: 'Military',
    text: `Lesson 4: The team lacked reliable information on local needs. NGOs present in Varden province for a decade held this information but would share it only in neutral places.

Lesson 5: Visible association with a respected health NGO improved acceptance of the team in two districts.

Recommendation: Incoming officers receive a briefing on humanitarian principles before deployment. A working group should study how lessons on civilian contact are passed between rotations.`,
  },
  {
    fileName: 'Harbour Aid Network annual report (extract).txt',
    date: '2011-04',
    author: 'Harbour Aid Network',
    source: 'NGO',
    text: `In 2010 our medical teams reached 41 villages north of the river. Movement depended on weekly deconfliction with the military. Staff attended the civil-military coordination meeting every Thursday.

Two donors now ask partners to document coordination with international forces. Minutes of coordination meetings are attached to our grant reports for the first time this year.`,
  },
  {
    fileName: 'Open Roads Mine Action and KFOR handover procedure.txt',
    date: '2012-09',
    author: 'Open Roads Mine Action',
    source: 'NGO',
    text: `This procedure sets out how strike data held by KFOR is handed to Open Roads Mine Action for clearance planning.

1. KFOR provides strike and minefield records for the municipalities named in the annex.
2. Open Roads Mine Action reports cleared areas back within thirty days.
3. Both sides name a permanent point of contact.

The procedure was agreed jointly and is reviewed once a year. It is part of the standard operating procedures of both organisations.`,
  },
  {
    fileName: 'Alliance policy division consultation summary.txt',
    date: '2013-02',
    author: 'Policy division, International Staff',
    source: 'Alliance civilian',
    text: `Twelve NGOs took part in the consultation on civilian protection. Participants asked for earlier involvement in drafting, for clearer language on the distinction between military and humanitarian tasks, and for a contact point at headquarters.

Several organisations said they would comment on drafts but could not endorse alliance documents publicly. The division will hold the consultation annually and report on how comments were taken into account.`,
  },
  {
    fileName: 'Lantern Medical statement on neutrality.txt',
    date: '2014-07',
    author: 'Lantern Medical',
    source: 'NGO',
    text: `Lantern Medical does not sign joint statements with armed forces or military alliances. We read and comment on policy drafts where this may protect patients and health workers, and we say so openly.

Our teams work on all sides of a conflict. Their safety rests on the trust of every party that we are not part of any military effort.`,
  },
  {
    fileName: 'Training centre course outline - protection of civilians.txt',
    date: '2015-05',
    author: 'Alliance training centre',
    source: 'Military',
    text: `Course: Protection of civilians in operations (five days).

Day 2 includes a lecture by an NGO field coordinator on how humanitarian organisations see military presence. Day 4 is a table-top exercise in which participants plan a relief convoy with civilian role-players.

The course is offered twice a year and is open to officers from all commands.`,
  },
  {
    fileName: 'Protection of civilians policy - NGO comments round 3.txt',
    date: '2016-03',
    author: 'Joint NGO submission',
    source: 'NGO',
    text: `The undersigned NGOs welcome the inclusion of a section on civilian harm tracking. We ask that the policy keep humanitarian and military tasks clearly apart and that it commit resources to a permanent team.

We remain ready to share expertise on gender, displacement and child protection. We will continue to comment on drafts; we cannot co-sign the policy.`,
  },
  {
    fileName: 'CIMIC Group North winter fuel distribution after-action note.txt',
    date: '2017-12',
    author: 'CIMIC Group North',
    source: 'Military',
    text: `The winter fuel distribution reached 2,300 households. Bridgewell Relief provided beneficiary lists and staff at the distribution points; CIMIC Group North provided transport and storage.

Tasks were divided in advance and no military markings were used at the distribution points, at the NGO's request. Recommendation: include joint planning with civilian organisations in the pre-deployment exercise.`,
  },
  {
    fileName: 'Seminar report - civil-military dialogue in crisis response.txt',
    date: '2018-10',
    author: 'Meridian Policy Institute',
    source: 'Think tank',
    text: `The seminar brought together alliance staff, NGO representatives and academics under the Chatham House rule. Participants agreed that most lessons on civil-military relations are identified but not implemented.

Think tanks can offer a neutral space for discussion that neither side can offer alone. Participants asked for a follow-up seminar on information sharing in crisis response.`,
  },
  {
    fileName: 'Harbour Aid Network donor coordination guidance.txt',
    date: '2019-08',
    author: 'Harbour Aid Network',
    source: 'NGO',
    text: `Country offices should document coordination with military actors where donors require it. Attendance at coordination meetings does not mean endorsement of military objectives.

Offices should never accept military transport for staff or supplies unless no civilian alternative exists, and should inform headquarters when they do.`,
  },
  {
    fileName: 'Exercise module with civilian role-players - evaluation.txt',
    date: '2021-02',
    author: 'Alliance training centre',
    source: 'Military',
    text: `The new exercise module with civilian role-players was run for the first time in spring 2020 and again in 2021. Participants rated it the most realistic part of the exercise.

The module has no permanent budget line yet. The evaluation recommends that it become a standing part of pre-deployment training.`,
  },
];
