// The example study's snowball sample: 12 invented participants. Three seeds; everyone else was named
// by a participant before them, so the waves (0–4) follow from the referrals alone.
import type { InterviewMode, ParticipantStatus } from '../../shared/sample/types';

export const DEMO_CATEGORIES = [
  'Alliance civilian staff',
  'Military officer',
  'NGO representative',
  'Independent expert',
] as const;
type DemoCategory = (typeof DEMO_CATEGORIES)[number];

export interface DemoStatusStep {
  status: ParticipantStatus;
  date: string;
  note?: string;
}

export interface DemoParticipant {
  label: string;
  category: DemoCategory;
  /** Who named this participant; absent for a seed. */
  referredBy?: string;
  referralDate?: string;
  /** Recruitment history in order; the last step is the current status. */
  statuses: DemoStatusStep[];
  interviewDate?: string;
  interviewMode?: InterviewMode;
  durationMinutes?: number;
  consentDate?: string;
  recordingAllowed?: boolean;
  notes?: string;
}

const CONSENT_VERSION = 'v1.2';
export const INTERVIEWER = 'Researcher A';
export { CONSENT_VERSION };

/** A participant who went all the way to an interview, with the usual steps before it. */
function interviewed(
  label: string,
  category: DemoCategory,
  identified: string,
  interview: string,
  mode: InterviewMode,
  minutes: number,
  referredBy?: string,
): DemoParticipant {
  const participant: DemoParticipant = {
    label,
    category,
    statuses: [
      { status: 'identified', date: identified },
      { status: 'contacted', date: shift(identified, 2) },
      { status: 'agreed', date: shift(identified, 6) },
      { status: 'scheduled', date: shift(identified, 8) },
      { status: 'interviewed', date: interview },
    ],
    interviewDate: interview,
    interviewMode: mode,
    durationMinutes: minutes,
    consentDate: interview,
    recordingAllowed: true,
  };
  if (referredBy) {
    participant.referredBy = referredBy;
    participant.referralDate = identified;
  }
  return participant;
}

/** The ISO date `days` after `iso`. */
function shift(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const DEMO_PARTICIPANTS: DemoParticipant[] = [
  interviewed('P01', 'Military officer', '2021-02-10', '2021-03-02', 'video', 55),
  interviewed('P02', 'NGO representative', '2021-02-12', '2021-03-05', 'in_person', 70),
  interviewed('P03', 'Alliance civilian staff', '2021-03-03', '2021-03-16', 'video', 48, 'P01'),
  interviewed('P04', 'NGO representative', '2021-03-06', '2021-03-24', 'in_person', 62, 'P02'),
  interviewed('P05', 'Independent expert', '2021-03-10', '2021-04-08', 'phone', 40),
  interviewed('P06', 'Military officer', '2021-03-18', '2021-04-20', 'video', 51, 'P03'),
  {
    label: 'P07',
    category: 'NGO representative',
    referredBy: 'P04',
    referralDate: '2021-03-25',
    statuses: [
      { status: 'identified', date: '2021-03-25' },
      { status: 'contacted', date: '2021-03-29' },
      { status: 'agreed', date: '2021-04-12' },
      { status: 'scheduled', date: '2021-04-26', note: 'Interview planned for 12 May' },
    ],
    interviewDate: '2021-05-12',
    interviewMode: 'video',
    consentDate: '2021-04-12',
    recordingAllowed: true,
  },
  {
    label: 'P08',
    category: 'Alliance civilian staff',
    referredBy: 'P05',
    referralDate: '2021-04-09',
    statuses: [
      { status: 'identified', date: '2021-04-09' },
      { status: 'contacted', date: '2021-04-13' },
      { status: 'agreed', date: '2021-04-30' },
    ],
  },
  {
    label: 'P09',
    category: 'Military officer',
    referredBy: 'P06',
    referralDate: '2021-04-21',
    statuses: [
      { status: 'identified', date: '2021-04-21' },
      { status: 'contacted', date: '2021-04-27', note: 'Asked to wait until after the exercise' },
    ],
  },
  {
    label: 'P10',
    category: 'NGO representative',
    referredBy: 'P04',
    referralDate: '2021-03-25',
    statuses: [
      { status: 'identified', date: '2021-03-25' },
      { status: 'contacted', date: '2021-03-30' },
      { status: 'declined', date: '2021-04-06', note: 'Organisation does not speak about military contacts' },
    ],
  },
  {
    label: 'P11',
    category: 'Independent expert',
    referredBy: 'P05',
    referralDate: '2021-04-09',
    statuses: [
      { status: 'identified', date: '2021-04-09' },
      { status: 'contacted', date: '2021-04-14' },
      { status: 'no_response', date: '2021-05-05', note: 'Two reminders sent' },
    ],
  },
  {
    label: 'P12',
    category: 'Alliance civilian staff',
    referredBy: 'P09',
    referralDate: '2021-05-03',
    statuses: [{ status: 'identified', date: '2021-05-03' }],
    notes: 'Named by P09 before P09 was interviewed; contact after P09.',
  },
];
