/**
 * Runs INSIDE the page (built by interviewSeed.ts's `buildSeedModule(outDir, { entry, folder })`
 * into the served app's /__armenia-seed__/), so a benchmark can store an assessment the size and
 * shape of the Armenia 2022 report through the real storage API — the same store, change log and
 * validation the app uses — without a test hook in the app itself.
 *
 * The shape (IOM and e-Governance Academy, 2022): 3 assessors, the 10 institutions of the report's
 * list of interviewees, 11 interviews on 4–6 October 2022 (the Migration Service twice) with 2
 * interviewees each, about 60 notes per interview (660 in all) tagged to the framework, ratings of
 * every indicator × track of the report's statements by each assessor (levels around the report's),
 * a few consensus levels and findings. Texts are plausible fieldwork notes, not the report's words.
 * Deterministic (seeded random), so runs compare; ids are the store's own (UUIDv7 and natural keys).
 *
 * Not part of the app: nothing in src/ imports it, and it is only served by the test server.
 */
import armenia from '../fixtures/armenia-2022.json';
import mmdmaV1 from '../../frameworks/mmdma-v1.json';
import { formatHlc } from '../../src/core/clock/hlc';
import type { Change } from '../../src/core/merge/change';
import { createUuidV7 } from '../../src/core/ids/uuidv7';
import type { RecordOf } from '../../src/core/assessment/recordSchemas';
import { createStore, openDatabase, type CreateInput, type Store } from '../../src/storage';
import { meStorageKey } from '../../src/ui/session/meStorage';

export interface ArmeniaSeedOptions {
  /** Stores "me" (the lead) for the assessment in localStorage, as the app's WhoAmI does. */
  readonly rememberMe: boolean;
  /**
   * Notes in the whole assessment (default 660, the Armenia size). The measured interview keeps its
   * 64 notes; the other interviews grow in proportion, so a larger assessment is a longer field
   * mission, not one absurd interview.
   */
  readonly totalNotes?: number;
}

export interface ArmeniaSeedResult {
  readonly assessmentId: string;
  readonly leadId: string;
  /** The interview a benchmark opens (the first Migration Service interview). */
  readonly interviewId: string;
  /** Another interview of the same assessment (the next one in the programme). */
  readonly otherInterviewId: string;
  readonly interviewNotes: number;
  /** The text of that interview's latest note (shown just above the composer). */
  readonly interviewLastNote: string;
  readonly interviews: number;
  readonly notes: number;
  /** Records per table, and their sum. */
  readonly records: Readonly<Record<string, number>>;
  readonly totalRecords: number;
  readonly seedMs: number;
}

type Level = 'emerging' | 'developing' | 'established' | 'advanced';
const LEVELS: readonly Level[] = ['emerging', 'developing', 'established', 'advanced'];
type TrackId = 'central' | 'migration';

// ---- The report's shape ----------------------------------------------------------------------

const ASSESSORS = [
  { name: 'Liis Tamm', role: 'lead' },
  { name: 'Anahit Sargsyan', role: 'assessor' },
  { name: 'Marco Bianchi', role: 'assessor' },
] as const;

interface InstitutionSeed {
  readonly key: string;
  readonly name: string;
  readonly acronym: string;
  readonly kind: string;
  readonly pillars: readonly string[];
  /** Share of notes on the migration track only, on the central track only (the rest: both). */
  readonly migrationShare: number;
  readonly centralShare: number;
}

const INSTITUTIONS: readonly InstitutionSeed[] = [
  { key: 'ekeng', name: 'EKENG', acronym: 'EKENG', kind: 'agency', pillars: ['management-coordination', 'data-management', 'digital-identity', 'public-services', 'digital-infrastructure', 'cybersecurity'], migrationShare: 0.15, centralShare: 0.5 },
  { key: 'nork', name: 'Nork Technology Centre', acronym: 'Nork', kind: 'foundation', pillars: ['data-management', 'digital-infrastructure', 'public-services'], migrationShare: 0.15, centralShare: 0.5 },
  { key: 'migration', name: 'Migration Service', acronym: 'MS', kind: 'agency', pillars: ['strategic-planning', 'management-coordination', 'data-management', 'digital-identity', 'public-services', 'international-cooperation'], migrationShare: 0.55, centralShare: 0.1 },
  { key: 'armstat', name: 'Statistical Committee of the Republic of Armenia', acronym: 'ARMSTAT', kind: 'agency', pillars: ['data-management', 'international-cooperation', 'digital-skills'], migrationShare: 0.3, centralShare: 0.4 },
  { key: 'police', name: 'National Police of Armenia, Visa and Passport Department', acronym: 'VPD', kind: 'police', pillars: ['digital-identity', 'data-management', 'public-services', 'cybersecurity'], migrationShare: 0.55, centralShare: 0.1 },
  { key: 'cba', name: 'Central Bank of Armenia', acronym: 'CBA', kind: 'central bank', pillars: ['cybersecurity', 'digital-identity', 'digital-infrastructure', 'financing-model'], migrationShare: 0.1, centralShare: 0.6 },
  { key: 'nss', name: 'National Security Service', acronym: 'NSS', kind: 'security service', pillars: ['cybersecurity', 'data-management', 'international-cooperation', 'digital-infrastructure'], migrationShare: 0.5, centralShare: 0.2 },
  { key: 'dpm', name: "Deputy Prime Minister's Office", acronym: 'DPMO', kind: 'government office', pillars: ['strategic-planning', 'management-coordination', 'financing-model', 'digital-skills'], migrationShare: 0.1, centralShare: 0.6 },
  { key: 'mhti', name: 'Ministry of High-Tech Industry', acronym: 'MHTI', kind: 'ministry', pillars: ['strategic-planning', 'digital-infrastructure', 'digital-skills', 'cybersecurity', 'financing-model'], migrationShare: 0.1, centralShare: 0.6 },
  { key: 'moj', name: 'Ministry of Justice', acronym: 'MoJ', kind: 'ministry', pillars: ['strategic-planning', 'data-management', 'digital-identity', 'public-services'], migrationShare: 0.25, centralShare: 0.4 },
];

interface InterviewSeed {
  readonly institution: string;
  readonly date: string;
  readonly startTime: string;
  readonly location: string;
  /** Assessor indexes (0 = lead). */
  readonly interviewers: readonly number[];
  readonly notes: number;
  readonly audio: boolean;
}

/** 11 interviews on 4–6 October 2022; 660 notes in all. The first Migration Service one is measured. */
const INTERVIEWS: readonly InterviewSeed[] = [
  { institution: 'dpm', date: '2022-10-04', startTime: '09:30', location: "Government building 1, Deputy Prime Minister's Office", interviewers: [0, 1, 2], notes: 58, audio: false },
  { institution: 'migration', date: '2022-10-04', startTime: '11:30', location: 'Migration Service, Yerevan, meeting room 2', interviewers: [0, 1], notes: 64, audio: true },
  { institution: 'ekeng', date: '2022-10-04', startTime: '14:00', location: 'EKENG office, Yerevan', interviewers: [0, 2], notes: 62, audio: false },
  { institution: 'mhti', date: '2022-10-04', startTime: '16:00', location: 'Ministry of High-Tech Industry, Yerevan', interviewers: [0, 1, 2], notes: 57, audio: false },
  { institution: 'armstat', date: '2022-10-05', startTime: '09:30', location: 'ARMSTAT, Yerevan', interviewers: [0, 1], notes: 59, audio: true },
  { institution: 'police', date: '2022-10-05', startTime: '11:30', location: 'Visa and Passport Department, Yerevan', interviewers: [0, 1, 2], notes: 61, audio: false },
  { institution: 'nork', date: '2022-10-05', startTime: '14:00', location: 'Nork Technology Centre, Yerevan', interviewers: [0, 2], notes: 56, audio: false },
  { institution: 'cba', date: '2022-10-05', startTime: '16:00', location: 'Central Bank of Armenia, Yerevan', interviewers: [0, 2], notes: 58, audio: false },
  { institution: 'nss', date: '2022-10-06', startTime: '10:00', location: 'National Security Service, Yerevan', interviewers: [0, 1], notes: 63, audio: false },
  { institution: 'moj', date: '2022-10-06', startTime: '12:00', location: 'Ministry of Justice, Yerevan', interviewers: [0, 1, 2], notes: 60, audio: true },
  { institution: 'migration', date: '2022-10-06', startTime: '15:00', location: 'Migration Service, Yerevan, meeting room 2 (follow-up)', interviewers: [0, 2], notes: 62, audio: false },
];
const MEASURED_INTERVIEW = 1;

const GIVEN_NAMES = ['Armen', 'Ani', 'Tigran', 'Lilit', 'Gor', 'Mariam', 'Davit', 'Narine', 'Hayk', 'Sona', 'Aram', 'Karine', 'Vahe', 'Lusine', 'Arsen', 'Gayane', 'Levon', 'Nune', 'Samvel', 'Astghik', 'Ruben', 'Tatevik'];
const FAMILY_NAMES = ['Grigoryan', 'Harutyunyan', 'Sargsyan', 'Hovhannisyan', 'Khachatryan', 'Petrosyan', 'Mkrtchyan', 'Karapetyan', 'Avetisyan', 'Vardanyan', 'Ghazaryan', 'Stepanyan', 'Asatryan', 'Manukyan', 'Baghdasaryan', 'Danielyan'];
const ROLES = ['Head of the IT department', 'Deputy head of the agency', 'Head of the registers division', 'Chief specialist, information systems', 'Head of the legal department', 'Adviser on digital transformation', 'Head of the statistics unit', 'Information security officer'];

// ---- Texts ------------------------------------------------------------------------------------

const SENTENCES: Readonly<Record<string, readonly string[]>> = {
  'strategic-planning': [
    'The Digitalisation Strategy sets the general priorities; migration appears only among the cross-cutting services.',
    'The action plan lists measures with deadlines, but most migration-related items name no responsible unit.',
    'Priorities are reviewed once a year, when the government programme is updated.',
    'There is no separate digital strategy for migration management; the migration policy concept mentions e-services in general terms.',
    'Progress reports are compiled by each ministry and sent to the Deputy Prime Minister’s Office, but they are not published.',
    'The legal basis for electronic documents exists, yet several procedures still require a wet signature.',
    'The draft law on e-governance is waiting for comments from the ministries.',
    'Monitoring indicators exist for the central strategy; for migration they are limited to the number of applications filed online.',
  ],
  'management-coordination': [
    'The Deputy Prime Minister’s Office coordinates digital transformation, with a council that meets a few times a year.',
    'EKENG is the technical implementer for most central systems, including the interoperability platform.',
    'Ministries have no CIO position; IT units report to the chief of staff and mostly do maintenance.',
    'An enterprise architecture framework was drafted but is not binding on the agencies.',
    'Coordination between the Migration Service, the Police and the NSS rests on bilateral agreements rather than a common body.',
    'The interoperability framework defines message standards, but only some agencies have connected so far.',
    'Staff turnover in IT units is high because salaries cannot compete with the private sector.',
    'Each new connection to the platform is negotiated separately, which takes months.',
  ],
  'financing-model': [
    'ICT costs are spread over several budget lines, so the total spent on digitalisation is hard to establish.',
    'Most new migration systems were financed by donors; their maintenance later falls on the state budget.',
    'There is no register of donor-funded ICT projects; partners coordinate informally.',
    'The budget request for the new registry was cut by half in the last cycle.',
    'Multi-year funding is possible only for projects in the medium-term expenditure framework.',
    'Licences and hosting are paid every year from the agency’s own budget.',
  ],
  cybersecurity: [
    'A national cybersecurity strategy is in preparation; for now requirements come from sectoral regulations.',
    'There is no dedicated cybersecurity law; information security rules are scattered over several acts.',
    'Incidents are handled by the agency’s own IT staff, and the national CERT is called only for serious cases.',
    'Penetration tests are not carried out regularly on the migration systems.',
    'Access to the databases is logged, but the logs are reviewed only after an incident.',
    'Security requirements are written into the terms of reference when a new system is procured.',
  ],
  'data-management': [
    'The agency keeps an inventory of its databases, but there is no government-wide data catalogue.',
    'Queries to the population register go through the interoperability platform; other exchanges still use e-mail or paper.',
    'Older migration files exist only on paper and are scanned on request.',
    'The personal data protection law sets the conditions for sharing; each exchange needs its own agreement.',
    'ARMSTAT publishes migration statistics, mostly as PDF and spreadsheet tables.',
    'Data quality suffers when names are transliterated differently in different registers.',
    'No data owner is formally designated for the border crossing database.',
    'Work permit statistics are compiled by hand from several systems every quarter.',
  ],
  'digital-identity': [
    'Every resident has a public service number that links records across registers.',
    'Foreigners with residence permits also receive a public service number; short-term visitors do not.',
    'The ID card carries a signature certificate, yet few citizens have activated it.',
    'Mobile ID is available but used mainly by businesses for tax declarations.',
    'Several agencies access migrants’ personal data, and the access rules differ from system to system.',
    'Citizens can see who looked at their data only for some registers.',
  ],
  'public-services': [
    'The e-visa service is fully online, including payment by card.',
    'Information on residence permits is on the agency’s website in Armenian, Russian and English.',
    'Residence permit applications still need an in-person visit to show the original documents.',
    'The government portal lists the services, but many entries only offer a form to download.',
    'Most fees can be paid online through the state payment gateway.',
    'Cross-border services with partner countries are limited to exchanges on work permits.',
    'The online forms are hard to use on a phone.',
  ],
  'digital-skills': [
    'Civil servants get basic ICT training when they join; further courses are optional.',
    'The civil service has no defined professional profiles for IT roles.',
    'Migrants can get help with online applications at the service centre, but no training is offered.',
    'Awareness campaigns on e-services have addressed citizens, not foreigners living in Armenia.',
  ],
  'digital-infrastructure': [
    'Mobile coverage is good in the cities; some border checkpoints rely on a single connection.',
    'Government institutions are connected to a shared network operated by EKENG.',
    'Several agencies use the main data centre, and the backups are kept in the same building.',
    'A government cloud is planned but not in operation yet.',
    'Architecture rules for new systems exist on paper but are not checked in procurement.',
  ],
  'international-cooperation': [
    'Armenia takes part in regional working groups on digital services.',
    'The readmission agreement with the EU comes with an electronic case management system.',
    'Technical assistance from international partners supports several migration IT systems.',
    'Data exchange with neighbouring countries is limited by the political situation.',
  ],
};

const QUOTES: readonly string[] = [
  'We still receive most requests from other agencies by official letter.',
  'The platform works well for the population register, but every new connection takes months.',
  'Nobody in the ministry is responsible for digital transformation as such.',
  'Our system was built with donor money and since then there has been no budget to upgrade it.',
  'If the network goes down at the checkpoint, the officers switch to paper forms.',
  'We would publish more data if the law clearly allowed it.',
  'Foreigners often come in person because they do not trust the online form.',
  'We know which databases we have; we do not know who else copies our data.',
  'Training is available, but nobody has time to attend it.',
  'The strategy is good on paper; the action plan is where it gets difficult.',
];

const SOURCES: readonly string[] = [
  'Digitalisation Strategy of the Republic of Armenia 2021–2025',
  'Law on Personal Data Protection (2015)',
  'Law on Electronic Document and Electronic Digital Signature',
  'https://www.e-gov.am/',
  'https://www.arlis.am/',
  'https://armstat.am/en/',
  'https://evisa.mfa.am/',
  'Annual report of the Migration Service, 2021',
  'Government decision on the interoperability platform',
];

const LEAD_INS: readonly string[] = ['According to the head of the IT unit, ', 'The deputy head confirmed that ', 'Asked about this, the interviewees said that ', 'Follow-up needed: '];

const RATIONALES: readonly string[] = [
  'Consistent with what the interviews described.',
  'Plans exist, implementation is partial.',
  'Confirmed by two institutions; documents reviewed.',
  'Evidence mostly from the central agencies.',
  '',
];

// ---- Helpers ----------------------------------------------------------------------------------

function unwrap<T>(result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }, what: string): T {
  if (!result.ok) throw new Error(`seeding ${what} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SubTopicInfo {
  readonly id: string;
  readonly pillarId: string;
  readonly indicators: readonly { readonly id: string; readonly tracks: readonly TrackId[] }[];
}

function subTopicsOfFramework(): SubTopicInfo[] {
  const list: SubTopicInfo[] = [];
  for (const pillar of mmdmaV1.pillars) {
    for (const subTopic of pillar.subTopics) {
      list.push({
        id: subTopic.id,
        pillarId: pillar.id,
        indicators: subTopic.indicators.map((indicator) => {
          const keys = Object.keys(indicator.descriptors);
          const tracks: TrackId[] = keys.includes('shared') ? ['central', 'migration'] : keys.filter((key): key is TrackId => key === 'central' || key === 'migration');
          return { id: indicator.id, tracks };
        }),
      });
    }
  }
  return list;
}

/** A level next to `level` on the scale (same level at the ends' outer side). */
function nudge(level: Level, next: () => number): Level {
  const at = LEVELS.indexOf(level);
  const step = next() < 0.5 ? -1 : 1;
  return LEVELS[Math.min(LEVELS.length - 1, Math.max(0, at + step))] ?? level;
}

// ---- Seeding ----------------------------------------------------------------------------------

export async function seed(options: ArmeniaSeedOptions): Promise<ArmeniaSeedResult> {
  const started = performance.now();
  const db = openDatabase();
  const store = createStore(db);
  try {
    const result = await seedWith(store, options);
    return { ...result, seedMs: performance.now() - started };
  } finally {
    db.close();
  }
}

/**
 * A note written from this page through its own store (another tab of the origin, as a teammate's
 * synced note arrives: the app's tab hears of it by Dexie's cross-tab notice, not by its own write).
 */
export async function addNote(input: { readonly assessmentId: string; readonly interviewId: string; readonly authorId: string; readonly text: string }): Promise<string> {
  const db = openDatabase();
  const store = createStore(db);
  try {
    const created = await store.createRecord('observation', {
      assessmentId: input.assessmentId,
      interviewId: input.interviewId,
      authorId: input.authorId,
      kind: 'note',
      text: input.text,
      tags: [],
      suggestedLevel: null,
      attachmentIds: [],
      createdAt: new Date().toISOString(),
      deleted: false,
    });
    return unwrap(created, 'observation').record.id;
  } finally {
    db.close();
  }
}

async function seedWith(store: Store, options: ArmeniaSeedOptions): Promise<Omit<ArmeniaSeedResult, 'seedMs'>> {
  const next = random(2022);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const records: Record<string, number> = {};
  const count = (table: string, n = 1) => {
    records[table] = (records[table] ?? 0) + n;
  };

  const assessment = unwrap(
    await store.createRecord('assessment', {
      title: 'Armenia MMDMA 2022',
      country: 'Armenia',
      startDate: '2022-10-03',
      endDate: '2022-10-07',
      frameworkId: 'mmdma',
      frameworkVersion: '1.0.0',
      status: 'rating',
      notes: 'Fieldwork in Yerevan with IOM; desk research on the legal framework beforehand.',
      deleted: false,
    }),
    'assessment',
  ).record;
  count('assessment');
  const assessmentId = assessment.id;

  const assessors = (
    await Promise.all(ASSESSORS.map((assessor) => store.createRecord('assessor', { assessmentId, name: assessor.name, role: assessor.role, deleted: false })))
  ).map((written) => unwrap(written, 'assessor').record);
  count('assessor', assessors.length);
  const assessorIds = assessors.map((assessor) => assessor.id);
  const leadId = assessorIds[0] as string;

  const institutions = (
    await Promise.all(
      INSTITUTIONS.map((institution) =>
        store.createRecord('institution', {
          assessmentId,
          name: institution.name,
          acronym: institution.acronym,
          kind: institution.kind,
          relevantPillarIds: [...institution.pillars],
          deleted: false,
        }),
      ),
    )
  ).map((written) => unwrap(written, 'institution').record);
  count('institution', institutions.length);
  const institutionIdOf = new Map(INSTITUTIONS.map((institution, i) => [institution.key, institutions[i]?.id as string]));
  const institutionSeedOf = new Map(INSTITUTIONS.map((institution) => [institution.key, institution]));

  const interviews = (
    await Promise.all(
      INTERVIEWS.map((interview) =>
        store.createRecord('interview', {
          assessmentId,
          institutionId: institutionIdOf.get(interview.institution) as string,
          date: interview.date,
          startTime: interview.startTime,
          location: interview.location,
          interviewerIds: interview.interviewers.map((index) => assessorIds[index] as string),
          status: 'done',
          consent: { given: true, scope: interview.audio ? 'notes-and-audio' : 'notes', recordedAt: localToUtc(interview.date, interview.startTime, 0) },
          notes: '',
          deleted: false,
        }),
      ),
    )
  ).map((written) => unwrap(written, 'interview').record);
  count('interview', interviews.length);

  let person = 0;
  const interviewees = await Promise.all(
    INTERVIEWS.flatMap((interview, i) =>
      [0, 1].map(() => {
        person += 1;
        return store.createRecord('interviewee', {
          assessmentId,
          interviewId: interviews[i]?.id as string,
          name: `${GIVEN_NAMES[(person * 7) % GIVEN_NAMES.length]} ${FAMILY_NAMES[(person * 5) % FAMILY_NAMES.length]}`,
          role: ROLES[(person * 3) % ROLES.length] ?? '',
          institutionId: institutionIdOf.get(interview.institution) as string,
          deleted: false,
        });
      }),
    ),
  );
  for (const written of interviewees) unwrap(written, 'interviewee');
  count('interviewee', interviewees.length);

  // Notes: plausible texts, tagged to the institution's pillars, about 40% suggesting a level.
  const subTopics = subTopicsOfFramework();
  const statementLevel = new Map(armenia.statementLevels.map((statement) => [`${statement.indicatorId}|${statement.trackId}`, statement.level as Level]));
  const pillarLevel = new Map(armenia.pillarLevels.map((pillar) => [pillar.pillarId, pillar.level as Level]));
  const levelFor = (subTopic: SubTopicInfo, indicatorId: string | undefined, track: TrackId): Level => {
    const indicator = indicatorId ?? subTopic.indicators[0]?.id;
    return (indicator !== undefined ? statementLevel.get(`${indicator}|${track}`) : undefined) ?? pillarLevel.get(subTopic.pillarId) ?? 'developing';
  };
  const measuredSize = INTERVIEWS[MEASURED_INTERVIEW]?.notes ?? 0;
  const armeniaNotes = INTERVIEWS.reduce((sum, interview) => sum + interview.notes, 0);
  const otherScale = ((options.totalNotes ?? armeniaNotes) - measuredSize) / (armeniaNotes - measuredSize);
  const noteInputs: CreateInput<'observation'>[] = [];
  const noteMeta: { interview: number; indicatorIds: string[] }[] = [];
  INTERVIEWS.forEach((interview, i) => {
    const institution = institutionSeedOf.get(interview.institution) as InstitutionSeed;
    const candidates = subTopics.filter((subTopic) => institution.pillars.includes(subTopic.pillarId));
    const interviewers = interview.interviewers.map((index) => assessorIds[index] as string);
    const noteCount = i === MEASURED_INTERVIEW ? interview.notes : Math.round(interview.notes * otherScale);
    for (let n = 0; n < noteCount; n++) {
      const roll = next();
      const trackIds: TrackId[] = roll < institution.migrationShare ? ['migration'] : roll < institution.migrationShare + institution.centralShare ? ['central'] : ['central', 'migration'];
      const tagCount = next() < 0.3 ? 2 : 1;
      const tags: { subTopicId: string; indicatorId?: string; trackIds: TrackId[] }[] = [];
      const tagged: SubTopicInfo[] = [];
      while (tags.length < tagCount) {
        const subTopic = pick(candidates);
        if (tagged.includes(subTopic)) continue;
        tagged.push(subTopic);
        const indicators = subTopic.indicators.filter((indicator) => trackIds.some((track) => indicator.tracks.includes(track)));
        const indicator = indicators.length > 0 && next() < 0.5 ? pick(indicators) : undefined;
        tags.push({ subTopicId: subTopic.id, ...(indicator ? { indicatorId: indicator.id } : {}), trackIds: [...trackIds] });
      }
      const main = tagged[0] as SubTopicInfo;
      const kindRoll = next();
      const kind = kindRoll < 0.1 ? 'quote' : kindRoll < 0.2 ? 'evidence' : 'note';
      let text: string;
      if (kind === 'quote') text = pick(QUOTES);
      else {
        const sentences = 1 + Math.floor(next() ** 1.6 * 4); // 1–4, mostly 1 or 2
        const pool = tagged.flatMap((subTopic) => SENTENCES[subTopic.pillarId] ?? []);
        const chosen: string[] = [];
        for (let s = 0; s < sentences; s++) {
          const sentence = pick(pool);
          if (!chosen.includes(sentence)) chosen.push(sentence);
        }
        if (next() < 0.15 && chosen[0] && /^[A-Z][a-z]/.test(chosen[0])) {
          chosen[0] = `${pick(LEAD_INS)}${chosen[0].charAt(0).toLowerCase()}${chosen[0].slice(1)}`;
        }
        text = chosen.join(' ');
      }
      // The lead takes most notes; the others add some of their own.
      const authorId = interviewers.length > 1 && next() < 0.25 ? (pick(interviewers.slice(1)) as string) : leadId;
      const suggestedLevel = next() < 0.4 ? (next() < 0.7 ? levelFor(main, tags[0]?.indicatorId, trackIds[0] as TrackId) : nudge(levelFor(main, tags[0]?.indicatorId, trackIds[0] as TrackId), next)) : null;
      noteInputs.push({
        assessmentId,
        interviewId: interviews[i]?.id as string,
        authorId,
        kind,
        text,
        ...(kind === 'evidence' ? { source: pick(SOURCES) } : {}),
        tags,
        suggestedLevel,
        attachmentIds: [],
        // About 75 minutes per interview.
        createdAt: localToUtc(interview.date, interview.startTime, 2 + n * (73 / noteCount)),
        deleted: false,
      });
      noteMeta.push({ interview: i, indicatorIds: tags.flatMap((tag) => (tag.indicatorId ? [tag.indicatorId] : [])) });
    }
  });
  const notes = await writeNotes(store, noteInputs, (n) => noteMeta[n]?.interview === MEASURED_INTERVIEW || (options.totalNotes ?? armeniaNotes) <= armeniaNotes);
  count('observation', notes.length);

  // Ratings: every indicator × track of the report's statements, by each assessor, around the report's level.
  const evidenceOf = new Map<string, string[]>();
  notes.forEach((note, n) => {
    for (const indicatorId of noteMeta[n]?.indicatorIds ?? []) evidenceOf.set(indicatorId, [...(evidenceOf.get(indicatorId) ?? []), note.id]);
  });
  const ratingInputs = assessorIds.flatMap((assessorId, a) =>
    armenia.statementLevels.map((statement) => {
      const report = statement.level as Level;
      const roll = next();
      const level = a === 0 ? (roll < 0.9 ? report : nudge(report, next)) : roll < 0.05 ? null : roll < 0.72 ? report : nudge(report, next);
      return {
        assessmentId,
        assessorId,
        indicatorId: statement.indicatorId,
        trackId: statement.trackId,
        level,
        rationale: pick(RATIONALES),
        evidenceIds: a === 0 ? (evidenceOf.get(statement.indicatorId) ?? []).slice(0, 2) : [],
        deleted: false,
      };
    }),
  );
  const ratings = unwrap(await store.createRecords('rating', ratingInputs), 'ratings');
  count('rating', ratings.length);

  // A few consensus levels set by the lead: four pillars overall, four sub-topics on the migration track.
  const consensusInputs = [
    ...armenia.pillarLevels.slice(0, 4).map((pillar, p) => ({
      assessmentId,
      scope: 'pillar' as const,
      targetId: pillar.pillarId,
      trackId: 'overall',
      level: pillar.level,
      rationale: 'Agreed in the team meeting of 7 October.',
      setBy: leadId,
      history: p === 0 ? [{ level: 'emerging', rationale: 'First reading after the interviews.', setBy: leadId, at: '2022-10-06T14:30:00.000Z' }] : [],
      deleted: false,
    })),
    ...armenia.table4MigrationLevels
      .filter((row) => row.level !== null)
      .slice(0, 4)
      .map((row) => ({
        assessmentId,
        scope: 'sub-topic' as const,
        targetId: row.subTopicId,
        trackId: 'migration',
        level: row.level,
        rationale: 'Migration Service and VPD interviews agree.',
        setBy: leadId,
        history: [],
        deleted: false,
      })),
  ];
  const consensus = await Promise.all(consensusInputs.map((input) => store.createRecord('consensus', input)));
  for (const written of consensus) unwrap(written, 'consensus');
  count('consensus', consensus.length);

  const findingInputs = [
    { pillarId: 'strategic-planning', trackId: 'central', kind: 'strength', text: 'General digital governance priorities are clearly defined in the national strategy.', rank: null },
    { pillarId: 'strategic-planning', trackId: 'migration', kind: 'improvement', text: 'Migration management priorities are not spelled out in the digital strategy or its action plan.', rank: null },
    { pillarId: 'strategic-planning', trackId: 'migration', kind: 'recommendation', text: 'Include migration management measures, with owners and deadlines, in the next action plan.', rank: 1 },
    { pillarId: 'management-coordination', trackId: 'central', kind: 'strength', text: 'EKENG provides shared components and the interoperability platform for the whole government.', rank: null },
    { pillarId: 'management-coordination', trackId: 'migration', kind: 'recommendation', text: 'Designate a digital transformation lead in each migration management agency.', rank: 2 },
    { pillarId: 'data-management', trackId: 'migration', kind: 'improvement', text: 'Many exchanges between migration agencies still rely on letters and e-mail.', rank: null },
    { pillarId: 'data-management', trackId: 'migration', kind: 'recommendation', text: 'Connect the migration databases to the interoperability platform, starting with residence permits.', rank: 3 },
    { pillarId: 'digital-identity', trackId: 'central', kind: 'strength', text: 'The public service number links records of residents across registers.', rank: null },
    { pillarId: 'public-services', trackId: 'migration', kind: 'improvement', text: 'Residence permit applications still require an in-person visit.', rank: null },
    { pillarId: 'cybersecurity', trackId: 'central', kind: 'recommendation', text: 'Adopt the national cybersecurity strategy and a law that sets baseline requirements.', rank: 4 },
  ] as const;
  const findings = await Promise.all(findingInputs.map((finding) => store.createRecord('finding', { assessmentId, ...finding, authorId: leadId, deleted: false })));
  for (const written of findings) unwrap(written, 'finding');
  count('finding', findings.length);

  if (options.rememberMe) localStorage.setItem(meStorageKey(assessmentId), leadId);

  const measured = interviews[MEASURED_INTERVIEW];
  if (!measured) throw new Error('no interview to measure');
  const measuredNotes = noteInputs.filter((_, n) => noteMeta[n]?.interview === MEASURED_INTERVIEW);
  const lastNote = measuredNotes[measuredNotes.length - 1];
  return {
    assessmentId,
    leadId,
    interviewId: measured.id,
    otherInterviewId: (interviews[MEASURED_INTERVIEW + 1] ?? measured).id,
    interviewNotes: measuredNotes.length,
    interviewLastNote: lastNote?.text ?? '',
    interviews: interviews.length,
    notes: notes.length,
    records,
    totalRecords: Object.values(records).reduce((sum, n) => sum + n, 0),
  };
}

/** Yerevan local time (UTC+4, no daylight saving since 2012) plus `minutes`, as an ISO instant. */
function localToUtc(date: string, time: string, minutes: number): string {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hours - 4, mins) + Math.round(minutes * 60_000);
  return new Date(ms).toISOString();
}

/** A teammate's device, for notes that arrive merged (as from their bundle) in a large assessment. */
const TEAMMATE_NODE = 'a1b2c3d4e5f60718';
const MERGE_BATCH = 2_000;

/**
 * Writes the notes: those `local(n)` says through createRecords (written as if typed one by one on
 * this device), the others as a teammate's changes merged in batches (the bundle import path), so
 * a 10,000-note assessment seeds in seconds, not in ten minutes of single transactions.
 */
async function writeNotes(store: Store, inputs: readonly CreateInput<'observation'>[], local: (n: number) => boolean): Promise<RecordOf<'observation'>[]> {
  const notes: RecordOf<'observation'>[] = new Array(inputs.length);
  const localAt = inputs.map((_, n) => n).filter(local);
  // One transaction for all of them: the store writes a batch exactly as it writes them one by one.
  const written = unwrap(await store.createRecords('observation', localAt.map((n) => inputs[n] as CreateInput<'observation'>)), 'observations');
  written.forEach((outcome, i) => (notes[localAt[i] as number] = outcome.record));
  const random = (count: number) => crypto.getRandomValues(new Uint8Array(count));
  let wallMs = Date.now() - 60_000;
  let changes: Change[] = [];
  const flush = async () => {
    if (changes.length === 0) return;
    unwrap(await store.applyChanges(changes), 'merged notes');
    changes = [];
  };
  for (let n = 0; n < inputs.length; n++) {
    if (local(n)) continue;
    const input = inputs[n] as CreateInput<'observation'>;
    const id = createUuidV7(Date.parse(input.createdAt), random);
    const record = { id, ...input } as RecordOf<'observation'>;
    notes[n] = record;
    wallMs += 1;
    let counter = 0;
    for (const [field, value] of Object.entries(input)) {
      changes.push({ hlc: formatHlc({ wallMs, counter: counter++, nodeId: TEAMMATE_NODE }), node: TEAMMATE_NODE, table: 'observation', id, field, value: value as Change['value'] });
    }
    if (changes.length >= MERGE_BATCH * 10) await flush();
  }
  await flush();
  return notes;
}
