// A labelled corpus of synthetic interview transcripts with planted identifiers, generated from a
// seed (the same corpus on every run): names from many languages and scripts, with the variants
// people write (titles, possessives, capitals, accents dropped, a letter wrong), contacts in
// several formats, other people, organisations, places, emails, phones, postal codes, birth dates.
import type { KeyPerson } from '../../shared/privacy/types';
import { seededRandom } from '../../shared/seededRandom';

export type PlantedKind =
  'keyName' | 'keyContact' | 'person' | 'organisation' | 'place' | 'email' | 'phone' | 'postcode' | 'date';

export interface Planted {
  startUtf16: number;
  endUtf16: number;
  kind: PlantedKind;
  text: string;
}

export interface Transcript {
  name: string;
  text: string;
  planted: Planted[];
}

export interface Corpus {
  people: KeyPerson[];
  transcripts: Transcript[];
}

// Participants in the identity key: [first, last] or a single name in a script without spaces.
const KEY_NAMES: [string, string][] = [
  ['Marcus', 'Whitfield'],
  ['Aiko', 'Tanaka'],
  ['Olusegun', 'Adeyemi'],
  ['Ingrid', 'Halvorsen'],
  ['José', 'García-Márquez'],
  ['Siobhan', "O'Connell"],
  ['Priya', 'Raghunathan'],
  ['Дмитрий', 'Соколов'],
  ['Nguyễn', 'Thị Lan'],
  ['Kwame', 'Mensah'],
  ['Anna', 'Kowalska'],
  ['Jean-Pierre', 'Dubois'],
  ['Mehmet', 'Yılmaz'],
  ['Sven', 'Lindqvist'],
  ['Chiara', 'Bianchi'],
  ['Ελένη', 'Παπαδοπούλου'],
  ['Thandiwe', 'Dlamini'],
  ['Björn', 'Eriksson'],
  ['Oluwaseun', 'Okafor'],
  ['Rahul', 'Mehta'],
  ['Fatima', 'Benali'],
  ['Hiroshi', 'Sato'],
  ['Ana', 'de Souza'],
  ['李', '伟'],
];

const OTHER_PEOPLE = [
  'Tomasz Nowak',
  'Hannah Schmidt',
  'Rafael Ortega',
  'Yuki Nakamura',
  'Amara Nwosu',
  'Lars Johansson',
  'Sofia Rossi',
  'Pavel Novák',
  'Leila Haddad',
  'Kenji Watanabe',
  'Grace Achieng',
  'Mateo Fernández',
  'Nadia Petrova',
  'Omar Farouk',
  'Ewa Zielińska',
  'Иван Петров',
  'Νίκος Γεωργίου',
  'Carlos Mendoza',
  'Aisha Kamara',
  'Pieter de Vries',
];
const TITLED_OTHERS = [
  'General Okonkwo',
  'Colonel Brandt',
  'Dr. Moreau',
  'Major Haugen',
  'Ms. Abiodun',
  'Captain Reyes',
];
const ORGANISATIONS = [
  'NATO',
  'Red Cross',
  'Médecins Sans Frontières',
  'United Nations',
  'World Food Programme',
  'Oxfam',
  'Save the Children',
  'European Union',
];
const PLACES = [
  'Kabul',
  'Brussels',
  'Geneva',
  'Nairobi',
  'Juba',
  'Mosul',
  'Goma',
  'Kandahar',
  'Sarajevo',
  'Bamako',
  'Amman',
  'Kyiv',
];
const PHONE_FORMATS = [
  (d: string) => `+44 20 ${d.slice(0, 4)} ${d.slice(4, 8)}`,
  (d: string) => `+33 1 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)}`,
  (d: string) => `+1 (202) ${d.slice(0, 3)}-${d.slice(3, 7)}`,
  (d: string) => `+49 30 ${d.slice(0, 4)}${d.slice(4, 7)}`,
  (d: string) => `+254 20 ${d.slice(0, 3)} ${d.slice(3, 7)}`,
  (d: string) => `+81 3-${d.slice(0, 4)}-${d.slice(4, 8)}`,
  (d: string) => `0044 7700 ${d.slice(0, 6)}`,
];
const POSTCODES = ['SW1A 1AA', 'EC1V 9HX', 'K1A 0B1', '1012 AB', 'N1 9GU', 'M1 1AE'];
export const FILLER = [
  'We talked for a long time about how the work changed over the years.',
  'To be honest, most days were quiet and nobody knew what would come next.',
  'The hardest part was the waiting, and the not knowing who to trust.',
  'I think the local staff understood the situation far better than we did.',
  'There were rules, but in practice everyone improvised a little.',
  'When the convoy was delayed, we had to renegotiate everything again.',
  'It felt like two organisations speaking different languages at the same table.',
  'Looking back, I would have asked for more time to build relationships.',
  'The meetings were long, and decisions were usually made somewhere else.',
  'We learned to share information informally, over tea rather than in reports.',
  // Capitalised words that name nobody: what keeps the precision figure honest.
  'We used WhatsApp groups and an Excel sheet, and the Monday briefings in the Operations Room.',
  'The Protection Cluster met weekly, and the Standard Operating Procedures changed twice.',
  'Every Christmas the Country Director sent a long email about Lessons Learned.',
  'In Phase Two the Civil-Military Coordination cell moved to the Green Zone.',
];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
const unspaced = (first: string) => /\p{Script=Han}/u.test(first);

/** One letter of a long name changed: two inner neighbours swapped, or one dropped. */
function misspell(word: string, rnd: () => number): string {
  const i = 1 + Math.floor(rnd() * (word.length - 3));
  return rnd() < 0.5
    ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    : word.slice(0, i) + word.slice(i + 1);
}

class Builder {
  text = '';
  planted: Planted[] = [];
  say(s: string) {
    this.text += s;
  }
  plant(s: string, kind: PlantedKind) {
    this.planted.push({ startUtf16: this.text.length, endUtf16: this.text.length + s.length, kind, text: s });
    this.text += s;
  }
}

export function generateCorpus(seed = 16, count = 24): Corpus {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const people: (KeyPerson & { first: string; last: string; email: string; phone: string })[] = KEY_NAMES.map(
    ([first, last], i) => {
      const digits = String(10_000_000 + Math.floor(rnd() * 89_999_999));
      const email = unspaced(first) ? `li.wei${i}@example.cn` : `${ascii(first)}.${ascii(last)}@example.org`;
      const phone = PHONE_FORMATS[i % PHONE_FORMATS.length]!(digits);
      return {
        participantGuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        label: `P${String(i + 1).padStart(2, '0')}`,
        names: [unspaced(first) ? `${first}${last}` : `${first} ${last}`],
        contacts: [email, phone],
        first,
        last,
        email,
        phone,
      };
    },
  );
  const transcripts: Transcript[] = [];
  for (let t = 0; t < count; t++) {
    const me = people[t % people.length]!;
    const colleague = people[(t + 7) % people.length]!;
    const b = new Builder();
    const keyVariants = (p: typeof me): string[] => {
      if (unspaced(p.first)) return [`${p.first}${p.last}`];
      const surname = p.last.split(/[\s-]/).find((w) => w.length >= 3 && w !== 'de') ?? p.last;
      const variants = [
        `${p.first} ${p.last}`,
        `${pick(['Ms.', 'Dr.', 'Col.', 'Mr', 'Prof.', 'Gen.'])} ${p.last}`,
        p.last.toUpperCase(),
        p.first,
      ];
      if (surname.length >= 5 && /^[\p{Script=Latin}'-]+$/u.test(surname))
        variants.push(misspell(surname, rnd));
      variants.push(
        ascii(p.first) !== p.first.toLowerCase() && /\p{Script=Latin}/u.test(p.first)
          ? p.first.normalize('NFD').replace(/\p{M}/gu, '')
          : p.last,
      );
      return variants;
    };
    b.say(`Interviewer: Thank you for taking part. For the record, you are `);
    b.plant(`${me.names[0]!}`, 'keyName');
    b.say(`, born on `);
    b.plant(
      `${1 + Math.floor(rnd() * 28)} ${pick(['March', 'June', 'October', 'January'])} ${1960 + Math.floor(rnd() * 30)}`,
      'date',
    );
    b.say('?\nRespondent: Yes. ');
    const variants = keyVariants(me);
    for (let s = 0; s < 14; s++) {
      b.say(`${pick(FILLER)} `);
      switch (s % 7) {
        case 0: {
          b.say('People called me ');
          b.plant(variants[(s / 7) % variants.length]!, 'keyName');
          b.say(' back then, and ');
          const v = variants[(s + 3) % variants.length]!;
          b.plant(v, 'keyName');
          b.say(v.endsWith('s') ? "' office was always open. " : "'s office was always open. ");
          break;
        }
        case 1:
          b.say('I went with ');
          b.plant(pick(OTHER_PEOPLE), 'person');
          b.say(' to ');
          b.plant(pick(PLACES), 'place');
          b.say(', where ');
          b.plant(pick(TITLED_OTHERS), 'person');
          b.say(' was waiting. ');
          break;
        case 2:
          b.say('At the time I worked for the ');
          b.plant(pick(ORGANISATIONS), 'organisation');
          b.say(', and my colleague ');
          b.plant(keyVariants(colleague)[0]!, 'keyName');
          b.say(' was with the ');
          b.plant(pick(ORGANISATIONS), 'organisation');
          b.say('. ');
          break;
        case 3:
          b.say('You can write to me at ');
          b.plant(me.email, 'keyContact');
          b.say(' or call ');
          b.plant(me.phone, 'keyContact');
          b.say('. ');
          break;
        case 4:
          b.say('The office address ended with ');
          b.plant(pick(POSTCODES), 'postcode');
          b.say(', and their switchboard is ');
          b.plant(
            PHONE_FORMATS[(t + s) % PHONE_FORMATS.length]!(
              String(20_000_000 + Math.floor(rnd() * 79_999_999)),
            ),
            'phone',
          );
          b.say('. ');
          break;
        case 5:
          b.say('Later ');
          b.plant(pick(OTHER_PEOPLE), 'person');
          b.say(' sent the report to ');
          b.plant(
            `${pick(['info', 'press', 'desk', 'ops'])}${t}@${pick(['ngo-help', 'relief-now', 'aidwatch'])}.org`,
            'email',
          );
          b.say('. ');
          break;
        default:
          b.say(`Interviewer: And after that?\nRespondent: ${pick(FILLER)} `);
      }
    }
    b.say('\n');
    transcripts.push({
      name: `interview_${String(t + 1).padStart(2, '0')}.txt`,
      text: b.text,
      planted: b.planted,
    });
  }
  return {
    people: people.map(({ participantGuid, label, names, contacts }) => ({
      participantGuid,
      label,
      names,
      contacts,
    })),
    transcripts,
  };
}
