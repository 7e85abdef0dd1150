// The example study's interview transcripts. Everything here is invented for Passage: the people, the
// NGOs (Bridgewell Relief, Harbour Aid Network, Lantern Medical, Open Roads Mine Action), the units
// (Provincial Reconstruction Team Kestrel, CIMIC Group North) and Varden province. Speaker labels are
// the anonymised ones ("P03:"), written as the importer reads turns.

export interface DemoInterview {
  /** The participant label the transcript belongs to; also its file name ("Interview P03.txt"). */
  participant: string;
  text: string;
}

const HEADER = (participant: string, date: string) =>
  `Date: ${date}\nPassage example study — fictional interview with ${participant}. All names of people, NGOs and units are invented.\n\n`;

export const DEMO_INTERVIEWS: DemoInterview[] = [
  {
    participant: 'P01',
    text:
      HEADER('P01', '2021-03-02') +
      `Interviewer: Could you start with how you first worked with NGOs?

P01: That was in Varden province, with Provincial Reconstruction Team Kestrel. We had the trucks and the security, but we had no idea which villages actually needed water. The NGOs had been there for ten years. So we went to them, not the other way round.

Interviewer: Why did you go to them?

P01: Honestly, because we needed their information. Who is where, which roads are safe for civilians, which elders speak for whom. And we needed to look less like an occupying army. Being seen next to a local health NGO did more for our acceptance than any leaflet campaign.

Interviewer: How did the NGOs respond?

P01: Carefully. Bridgewell Relief would meet us, but never in uniform and never at the base. They said that if the villagers saw them in our vehicles their neutrality was gone and so was their access. I respect that now. At the time it felt like they were refusing to help.

Interviewer: Did anything change in how the team worked afterwards?

P01: We wrote it all up in a lessons-learned report at the end of the rotation. The next team read it, I hope. Some of it became a standard briefing for incoming officers, a one-hour session on humanitarian principles.

Interviewer: Was that briefing kept?

P01: It was made mandatory two rotations later, and it is in the pre-deployment course now. That is the only thing from my time that became permanent.
`,
  },
  {
    participant: 'P02',
    text:
      HEADER('P02', '2021-03-05') +
      `Interviewer: What is your role at Harbour Aid Network?

P02: I coordinate our field programmes and I am the person who talks to the military when we have to. We have to more often than we would like.

Interviewer: Why do you have to?

P02: Access. In Varden the roads north of the river were controlled by the alliance. Without a deconfliction call we could not move our medical teams at all. So we sat in their civil-military meetings every Thursday, even when there was nothing on the agenda for us.

Interviewer: What did those meetings give you?

P02: Mostly talk. A security briefing, sometimes a map of incidents. Real cooperation happened only twice, when a flood closed the main road and CIMIC Group North lent us a bridge-layer. We planned that together over two days. That was cooperation, the rest was discussion.

Interviewer: Was funding ever a reason to engage?

P02: Indirectly. Two of our donors asked us to show we were coordinating with the mission. If you cannot show the minutes of a coordination meeting, your grant report looks weak. So yes, the money pushed us into that room too.

Interviewer: Did the alliance learn anything from you?

P02: They asked us to lecture at their training centre on protection of civilians. I went three times. Whether it changed anything in the field, I cannot tell you.
`,
  },
  {
    participant: 'P03',
    text:
      HEADER('P03', '2021-03-16') +
      `Interviewer: You work on the civilian side of headquarters. What is your contact with NGOs?

P03: I sit in a policy division of the International Staff. My contact is mostly consultations: we invite NGOs to comment on a draft policy, we hold a conference once a year, we meet their Brussels offices. It is a dialogue, not joint work.

Interviewer: Why does headquarters want that dialogue?

P03: Legitimacy, mainly. A policy on the protection of civilians that no civilian organisation has read is hard to defend in front of parliaments. The NGOs give us credibility, and they also know things we do not, about gender, about displacement, about how aid actually reaches people.

Interviewer: Has that changed any policy?

P03: The 2016 protection of civilians policy went through three rounds of NGO comments. Some of their language is in the final text. That policy now has its own budget line and a small permanent team. So yes, something was institutionalised, slowly.

Interviewer: What makes it hard?

P03: Trust. Some NGOs will not be seen with us at all. Lantern Medical told me they would read our drafts but never sign a joint statement, because their staff in the field would pay for it.
`,
  },
  {
    participant: 'P04',
    text:
      HEADER('P04', '2021-03-24') +
      `Interviewer: How did you come to work with the alliance?

P04: Through mines. Open Roads Mine Action clears unexploded ordnance, and in Kosovo the military had the maps of what had been dropped and where. We needed those maps. They needed someone to do the clearance in villages they could not enter without causing alarm.

Interviewer: So each side had something the other lacked.

P04: Exactly. They had the information, we had the local presence and the trust of the municipalities. After a year we had a shared procedure for handing over strike data, signed by both sides. That was real cooperation.

Interviewer: Was that procedure kept after the people changed?

P04: Partly. KFOR kept using it, and it was copied into their standard operating procedures. But when our country director left, we lost the personal contacts, and for six months nobody answered our requests.

Interviewer: Did you ever refuse contact?

P04: Once. A unit wanted us in a press photo at a school they had rebuilt. We said no. Our neutrality is our security.
`,
  },
  {
    participant: 'P05',
    text:
      HEADER('P05', '2021-04-08') +
      `Interviewer: You have studied civil-military relations for a long time. What pattern do you see?

P05: A cycle. After every mission there is an evaluation that says the alliance must work better with civilians. A working group is formed, a report is written, the report names the same gaps as the previous one. Most lessons stay at that analysis stage.

Interviewer: Why do they stay there?

P05: Because implementing them means changing training, posts and budgets, and that needs someone senior to own it. The comprehensive approach was announced in 2008 and it took years before exercises regularly included civilian role-players.

Interviewer: And where it worked?

P05: Where there was a clear resource gap. In Libya the alliance had no one on the ground at all, so it depended on information from humanitarian organisations and the UN. Dependence made them listen. Where they could manage alone, they did.

Interviewer: What role do people like you play?

P05: Think tanks and academics are a bridge. We can say things neither side can say in public, and we organise the seminars where both sides meet without a mandate. That is discussion, but it prepares cooperation.
`,
  },
  {
    participant: 'P06',
    text:
      HEADER('P06', '2021-04-20') +
      `Interviewer: You were a CIMIC officer. What did your work look like?

P06: In CIMIC Group North my job was liaison: I kept a list of every NGO in the area, visited their offices and passed their concerns to the commander. Most of it was discussion. We wanted to know what they saw, they wanted to know where we would patrol.

Interviewer: Did you ever plan something jointly?

P06: Yes, the winter fuel distribution. Bridgewell Relief had the lists of families, we had the trucks and the fuel depot. We agreed who did what, and they insisted that their logo was not on our trucks. It worked because each side stayed in its role.

Interviewer: Did your experience flow back into the organisation?

P06: I wrote a post-tour report, and I was asked to help design a new exercise module with civilian role-players. That module was run for the first time the next spring. Whether it survives depends on the next commander.

Interviewer: What would you tell a new officer?

P06: Listen first. The NGOs were there before us and they will be there after us. Their acceptance among the people is worth more than anything we can offer them.
`,
  },
];
