// The session file as the schema guarantees it (schemas/session.schema.json). Keys mirror the YAML.

/** A key of law/bodies.yaml (the session schema's enum lists the same, a test keeps them equal). */
export type BodyKind = string;

export type QuorumCounts = "present" | "present_or_represented" | "voices";

export interface Statutes {
  quorum?: { fraction?: string; strict?: boolean; counts: QuorumCounts; article?: string };
  proxies_per_holder?: number;
  proxy_carries_voices?: boolean;
  casting_vote?: boolean;
}

export type RegimeId =
  | "droit_commun"
  | "covid_loi_2020_290"
  | "covid_ord_2020_391"
  | "covid_loi_2020_760"
  | "covid_loi_2020_1379"
  | "covid_loi_2021_1465";

export interface Body {
  name: string;
  statutes?: Statutes;
  population?: number;
  /** The assembly's seats (« effectif légal »). */
  seats?: number;
  name_in_text: string;
  kind: BodyKind;
  assembly: string;
  assembly_gender?: "masculine" | "feminine";
}

export interface Signatory {
  member: string;
  /** Absent: the executive's title for the kind of body and the signer's civility. */
  capacity?: string;
}

// A fact a transcribed record does not give is written `unknown` or `non mentionné`
// (model/unknown-facts.ts `isUnknown`): `time`, `place`, `convened_on`, a member's
// `suppleant_of`, an attendance's `represented_by` or `substituted_by` may hold it.
export interface SessionInfo {
  date: string;
  /** HH:MM, or unknown. */
  time?: string;
  /** As it reads after « s'est réuni », or unknown. */
  place?: string;
  videoconference?: boolean;
  /** YYYY-MM-DD, or unknown. */
  convened_on: string;
  regime?: RegimeId;
  urgency?: boolean;
  /** Seats vacant on the day of the sitting. */
  vacant_seats?: number;
  failed_convocation?: { convened_on: string; date: string; agenda?: string[] };
  president: string;
  closing_time?: string;
  minutes?: { approved_on?: string; published_online_on?: string };
  list_of_deliberations?: { posted_on?: string; published_online_on?: string };
  secretaries?: string[];
  signatory: Signatory;
}

export type Civility = "M." | "Mme";

export interface Member {
  id: string;
  civility: Civility;
  first_name: string;
  last_name: string;
  birth_date?: string;
  /** The titulaire's id, or unknown: a suppléant whose titulaire the record does not name. */
  suppleant_of?: string;
  installed_on?: string;
  resigned_on?: string;
  deceased_on?: string;
  replaced_by?: string;
}

export interface Seat {
  member: string;
  votes?: boolean;
  voices?: number;
}

export interface College {
  name: string;
  votes?: boolean;
  seats: Seat[];
}

export type AttendanceStatus = "present" | "absent" | "excused";
export type Attendance = AttendanceStatus | { represented_by: string; substituted_by?: undefined } | { substituted_by: string; represented_by?: undefined };

/** Figures a record prints in its heading (`declared` of the session; schema: sittingFigures). */
export interface SittingFigures {
  in_office?: number;
  present?: number;
  present_titulaires?: number;
  present_suppleants?: number;
  represented?: number;
  absent?: number;
  excused?: number;
  voting?: number;
  majority?: number;
}

/** Figures a record prints for one item (`declared` of a motion; schema: motionFigures). */
export interface MotionFigures {
  in_office?: number;
  present?: number;
  present_titulaires?: number;
  present_suppleants?: number;
  represented?: number;
  absent?: number;
  excused?: number;
  voting?: number;
  expressed?: number;
  majority?: number;
  for?: number;
  against?: number;
  abstentions?: number;
  blank?: number;
  null?: number;
  not_voting?: number;
}

/** A link to an earlier deliberation: its number, and its sitting's date when in another file. */
export interface ActLink {
  number: string;
  date?: string;
}

export type MemberVote = "for" | "against" | "abstention" | "not_voting";

export interface VoteRecord {
  for?: number;
  against?: number;
  abstentions?: number;
  blank?: number;
  invalid?: number;
  unanimous?: true;
  president?: MemberVote;
  by_member?: Record<string, MemberVote>;
}

export type Majority = "absolute" | { ratio: string; of: "expressed" | "in_office"; article?: string };

/** One round of an election: each candidate's (or each list's) votes and the ballots not exprimés. */
export interface ElectionRound {
  /** Votes per candidate id (a ballot on names). */
  candidates?: Record<string, number>;
  /** Votes per list id (a list ballot). */
  lists?: Record<string, number>;
  /** Votants: envelopes or ballots in the urn. */
  ballots?: number;
  blank?: number;
  invalid?: number;
  /** Present, not taking part in the vote. */
  not_voting?: number;
}

/** A candidate who is not a member of the assembly. */
export interface ElectionPerson {
  id: string;
  civility: "M." | "Mme";
  first_name: string;
  last_name: string;
  birth_date?: string;
}

/** One list of candidates, in the order of presentation. */
export interface ElectionListInput {
  id: string;
  name?: string;
  candidates: string[];
  /** Suppléants the list names apart. */
  substitutes?: string[];
}

/** An election (a motion of kind `election`): what is elected, the candidates or lists, the rounds. */
export interface Election {
  /** A key of law/elections.yaml; `nomination` when absent. */
  kind?: string;
  post?: string;
  seats?: number;
  /** The assembly decided unanimously not to vote by secret ballot (CGCT L2121-21). */
  public_by_unanimous_decision?: true;
  people?: ElectionPerson[];
  lists?: ElectionListInput[];
  rounds: ElectionRound[];
  substitutes?: { seats: number; rounds?: ElectionRound[] };
  bureau?: { assessors?: string[] };
}

export type MotionKind = "ordinary" | "compte_administratif" | "election";
export type Ballot = "show_of_hands" | "public" | "secret";

export interface DecisionBlock {
  verb: string;
  articles: string[];
}

export interface Motion {
  number: string;
  title: string;
  kind?: MotionKind;
  chaired_by?: string;
  accountable?: string;
  arrivals?: string[];
  departures?: string[];
  proxies?: Record<string, string>;
  resignations?: string[];
  withdrawn?: string[];
  /** « Ne prend pas part au vote »: in the room, counted present, not voting. */
  not_taking_part?: string[];
  /** Not on the agenda sent with the convocation (CGCT L2121-10, L2121-12). */
  added_in_session?: true;
  withdraws?: ActLink;
  replaces?: ActLink;
  corrects?: ActLink;
  declared?: MotionFigures;
  interested?: string[];
  excluded_from_office?: string[];
  ballot?: Ballot;
  majority?: Majority;
  election?: Election;
  discussion?: string;
  matiere?: string;
  budget?: { year: string; name: string };
  proxies_illness?: string[];
  voting_colleges?: string[];
  ballot_requested_by?: string[];
  publication?: { transmitted_on?: string; published_on?: string; online_on?: string; actes_id?: string; acknowledged_on?: string };
  /** The date of the extract's certification; default from the configuration, else the day after the sitting. */
  certified_on?: string;
  rapporteur?: string;
  /** The record says « le rapporteur » without naming them. */
  unnamed_rapporteur?: true;
  preamble?: string;
  visas?: string[];
  considerations?: string[];
  on_proposal_of?: string;
  decisions: DecisionBlock[];
  vote?: VoteRecord;
  signatory?: Signatory;
}

export interface Session {
  format: 1;
  body: Body;
  session: SessionInfo;
  members: Member[];
  colleges?: College[];
  attendance: Record<string, Attendance>;
  /** @deprecated the former name of `declared`. */
  declared_totals?: SittingFigures;
  declared?: SittingFigures;
  /** `transcribed`: a record already adopted and signed; irregular facts are findings, not errors. */
  record?: "prepared" | "transcribed";
  motions: Motion[];
  /** Points of the agenda without a deliberation (informations, compte rendu, questions diverses). */
  items?: AgendaItem[];
}

/** A path into the session data, as ajv and the yaml package understand it. */
export type DataPath = readonly (string | number)[];

export type AgendaItemKind = "delegated_decisions" | "information" | "questions";

/** A decision the executive took by delegation (CGCT L2122-22), reported to the assembly (L2122-23). */
export interface DelegatedDecision {
  number?: string;
  date?: string;
  object: string;
}

/** A point of the agenda on which the assembly does not deliberate, placed among the motions. */
export interface AgendaItem {
  kind: AgendaItemKind;
  title: string;
  before?: string;
  after?: string;
  rapporteur?: string;
  text?: string;
  decisions?: DelegatedDecision[];
}
