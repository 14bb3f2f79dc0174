// `delib actes`' work, apart from printing: which deliberations of a sitting can be transmitted
// as they are, and for each the files of its package but the act's PDF; then, the PDF printed,
// the archive. Pure: a checked sitting and its configuration in, plans or located diagnostics
// out; the CLI prints and writes.
import type { Config } from "../config/load-config.js";
import { diagnostic, hasErrors, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { listOf, msg } from "../diagnostics/message.js";
import { actesNumber, actesNumberProblems, actesTransmission, findMatiere } from "../law/actes.js";
import { numberKey } from "../model/deliberation-number.js";
import { pdfDocumentDate } from "../output/document-date.js";
import { locate, type ParsedSource } from "../source/parse-yaml.js";
import type { MotionOutcome, Outcome } from "../tally/outcome.js";
import { acteXml, envelopeXml } from "./actes-xml.js";
import { actesSettings, type ActesSettings } from "./actes-settings.js";
import { packageNames, type PackageNames } from "./package-names.js";
import { tarGz } from "./tar-gz.js";

/** A checked sitting, as `delib actes` reads it. */
export interface ActesSitting {
  /** The count of a sitting without errors. */
  readonly outcome: Outcome;
  /** The parsed session file, to point at a motion. */
  readonly source: ParsedSource;
  /** The register's configuration found above the file. */
  readonly config: Config;
}

/** One deliberation's package, all but the act's PDF. */
export interface ActesPlan {
  /** The motion's index in the file, to render its extract. */
  readonly index: number;
  /** The deliberation's number as the register writes it. */
  readonly number: string;
  /** Its NumeroInterne. */
  readonly actesNumber: string;
  readonly names: PackageNames;
  /** The act's metadata (actes:Acte), ISO-8859-1. */
  readonly metadata: Uint8Array;
  /** The envelope (actes:EnveloppeCLMISILL), ISO-8859-1. */
  readonly envelope: Uint8Array;
  /** The date every file of the archive carries. */
  readonly mtime: Date;
}

/** What planning gives: the packages to make, and the deliberations left out for want of a decision. */
export interface ActesPlans {
  readonly plans: readonly ActesPlan[];
  /** Numbers of the motions not deliberated (no quorum): nothing to transmit. */
  readonly skipped: readonly string[];
}

/**
 * The packages of the sitting's deliberations (or of the one numbered `motion`), or the
 * diagnostics that refuse them: every deliberation is checked, and one that cannot be
 * transmitted as it is stops them all, so that nothing is written from a sitting with a
 * problem. `env` gives SOURCE_DATE_EPOCH, the date of the archive's files and of the envelope.
 */
export function planActesPackages(sitting: ActesSitting, env: Readonly<Record<string, string | undefined>>, motion?: string): Result<ActesPlans> {
  const settings = actesSettings(sitting.config, sitting.source);
  const diagnostics: Diagnostic[] = [...settings.diagnostics];
  const { outcome, source } = sitting;
  const chosen = motion === undefined ? outcome.motions : outcome.motions.filter((m) => numberKey(m.motion.number) === numberKey(motion));
  // Dated as the act's PDF is (SOURCE_DATE_EPOCH, else the sitting's day): never the clock.
  const mtime = pdfDocumentDate(outcome.session.session.date, env);
  const skipped: string[] = [];
  const plans: ActesPlan[] = [];
  const seen = new Map<string, MotionOutcome>();
  for (const m of chosen) {
    if (m.result === "no_quorum") {
      // The assembly could not deliberate: there is no act. Told when asked for by number.
      if (motion !== undefined) diagnostics.push(diagnostic({ code: "DLB6037", message: msg("DLB6037", { number: m.motion.number }), span: locate(source, ["motions", m.index, "number"]), hints: [msg("DLB6037.hint")] }));
      else skipped.push(m.motion.number);
      continue;
    }
    const found = transmissionProblems(m, source, seen);
    diagnostics.push(...found, ...alreadyAcknowledged(m, source));
    if (!hasErrors(found) && settings.value) plans.push(planOf(m, outcome.session.session.date, settings.value, mtime));
  }
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
  return { value: { plans, skipped }, diagnostics };
}

/**
 * Why the deliberation `m` cannot be transmitted as it is: a number that is no NumeroInterne
 * (DLB6034, the check behind DLB3061) or that is one already taken in the sitting (DLB6035;
 * `seen` holds the others'), no matière (DLB6033), a title too long for actes:Objet (DLB6036).
 */
function transmissionProblems(m: MotionOutcome, source: ParsedSource, seen: Map<string, MotionOutcome>): Diagnostic[] {
  const law = actesTransmission();
  const at = (...path: string[]) => locate(source, ["motions", m.index, ...path]);
  const found: Diagnostic[] = [];
  const number = m.motion.number;
  const numberProblems = actesNumberProblems(number);
  const sent = actesNumber(number);
  const earlier = seen.get(sent);
  if (numberProblems) {
    found.push(
      diagnostic({
        code: "DLB6034",
        message: msg("DLB6034", { number, sent: numberProblems.sent, reasons: listOf(numberProblems.reasons) }),
        span: at("number"),
        hints: [msg("DLB6034.hint", { max: law.number.maxLength })],
      }),
    );
  } else if (earlier) {
    // s2low isUnique: one NumeroInterne per collectivité.
    found.push(
      diagnostic({
        code: "DLB6035",
        message: msg("DLB6035", { number, other: earlier.motion.number, sent }),
        span: at("number"),
        hints: [msg("DLB6035.hint")],
        related: [{ span: locate(source, ["motions", earlier.index, "number"]), message: msg("DLB6035.related") }],
      }),
    );
  } else seen.set(sent, m);
  if (m.motion.matiere === undefined) {
    found.push(diagnostic({ code: "DLB6033", message: msg("DLB6033", { number }), span: at("number"), hints: [msg("DLB6033.hint")] }));
  }
  const length = m.motion.title.trim().length;
  if (length > law.subjectMaxLength) {
    found.push(
      diagnostic({
        code: "DLB6036",
        message: msg("DLB6036", { number, length, max: law.subjectMaxLength }),
        span: at("title"),
        hints: [msg("DLB6036.hint", { max: law.subjectMaxLength })],
      }),
    );
  }
  return found;
}

/**
 * Warning DLB6039 when the préfecture already acknowledged `m` (its `publication.actes_id`):
 * its package is written all the same (the first sending may have been cancelled), but s2low
 * (isUnique) refuses a NumeroInterne it has already taken.
 */
function alreadyAcknowledged(m: MotionOutcome, source: ParsedSource): Diagnostic[] {
  const id = m.motion.publication?.actes_id;
  if (id === undefined) return [];
  return [
    diagnostic({
      severity: "warning",
      code: "DLB6039",
      message: msg("DLB6039", { number: m.motion.number, id }),
      span: locate(source, ["motions", m.index, "publication", "actes_id"]),
      hints: [msg("DLB6039.hint")],
    }),
  ];
}

/** The package of the deliberation `m`, decided on `date`, which has no transmission problem. */
function planOf(m: MotionOutcome, date: string, s: ActesSettings, mtime: Date): ActesPlan {
  const law = actesTransmission();
  const sent = actesNumber(m.motion.number);
  const names = packageNames({
    tiers: s.tiers,
    application: s.application,
    siren: s.siren,
    departement: s.departement,
    // The sitting's day, never SOURCE_DATE_EPOCH's: with one date for every sitting, the first act
    // of two sittings would get one name, and the second package would replace the first in out/.
    envelopeDate: date,
    // s2low numbers a collectivité's envelopes of a day from 1: here, the act's rank in its sitting.
    serial: m.index + 1,
    decisionDate: date,
    number: sent,
    nature: law.nature.short,
    message: law.message,
    typology: law.typology,
  });
  return {
    index: m.index,
    number: m.motion.number,
    actesNumber: sent,
    names,
    mtime,
    metadata: acteXml({
      date,
      number: sent,
      nature: law.nature.code,
      // The matière was checked against the classification by the rules (DLB3060): numeric levels.
      matiere: findMatiere(m.motion.matiere!).code.split(".").map(Number),
      subject: m.motion.title.trim(),
      classificationDate: s.classificationDate,
      document: names.act,
      // A session file cannot list annexes (schemas/session.schema.json): the act alone.
      annexes: [],
    }),
    envelope: envelopeXml({
      siren: s.siren,
      departement: s.departement,
      arrondissement: s.destination.arrondissement,
      nature: s.nature,
      contact: s.contact,
      returnEmails: s.returnEmails,
      forms: [names.metadata],
    }),
  };
}

/**
 * The archive of `plan` with the act's `pdf`: the envelope first, then the act's metadata and
 * the act, as s2low lists them (ActesEnvelope.class.php buildFileList); or DLB6038 when it is
 * larger than a tiers takes (`limit`, law/actes-transmission.yaml).
 */
export function actesArchive(plan: ActesPlan, pdf: Uint8Array, limit: number = actesTransmission().archiveMaxBytes): Result<Uint8Array> {
  const archive = tarGz(
    [
      { name: plan.names.envelope, contents: plan.envelope },
      { name: plan.names.metadata, contents: plan.metadata },
      { name: plan.names.act, contents: pdf },
    ],
    plan.mtime,
  );
  if (archive.length > limit) {
    return {
      value: undefined,
      diagnostics: [diagnostic({ code: "DLB6038", message: msg("DLB6038", { number: plan.number, bytes: archive.length, max: limit }), hints: [msg("DLB6038.hint")] })],
    };
  }
  return { value: archive, diagnostics: [] };
}
