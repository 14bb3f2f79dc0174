// The session file as the schema guarantees it (schemas/session.schema.json). Keys mirror the YAML.

export type BodyKind =
  | "commune"
  | "departement"
  | "region"
  | "commission_permanente"
  | "epci"
  | "syndicat_communes"
  | "smf"
  | "smo"
  | "custom";

export interface Body {
  name: string;
  name_in_text: string;
  kind: BodyKind;
  assembly: string;
  assembly_gender?: "masculine" | "feminine";
}

export interface Signatory {
  member: string;
  capacity: string;
}

export interface SessionInfo {
  date: string;
  time?: string;
  place?: string;
  videoconference?: boolean;
  convened_on: string;
  failed_convocation?: { convened_on: string; date: string };
  president: string;
  secretaries?: string[];
  signatory: Signatory;
}

export type Civility = "M." | "Mme";

export interface Member {
  id: string;
  civility: Civility;
  first_name: string;
  last_name: string;
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
export type Attendance = AttendanceStatus | { represented_by: string };

export interface DeclaredTotals {
  present?: number;
  absent?: number;
  excused?: number;
  represented?: number;
  voting?: number;
}

export interface VoteRecord {
  for?: number;
  against?: number;
  abstentions?: number;
  unanimous?: true;
}

export interface DecisionBlock {
  verb: string;
  articles: string[];
}

export interface Motion {
  number: string;
  title: string;
  rapporteur?: string;
  preamble?: string;
  visas?: string[];
  considerations?: string[];
  on_proposal_of?: string;
  decisions: DecisionBlock[];
  vote: VoteRecord;
  signatory?: Signatory;
}

export interface Session {
  format: 1;
  body: Body;
  session: SessionInfo;
  members: Member[];
  colleges?: College[];
  attendance: Record<string, Attendance>;
  declared_totals?: DeclaredTotals;
  motions: Motion[];
}

/** A path into the session data, as ajv and the yaml package understand it. */
export type DataPath = readonly (string | number)[];
