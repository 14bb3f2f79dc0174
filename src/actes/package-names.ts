// The names of the files of an @CTES transmission, as the tiers de télétransmission and the
// ministry read them (s2low public.ssl/modules/actes/class/ActesTransaction.class.php
// getStdFileName, ActesEnvelope.class.php generateEnvelopeXMLFile and generateArchiveFile):
//
//   SLO-EACT--214502494--20170717-6.tar.gz                    the archive
//     EACT--214502494--20170717-6.xml                         the envelope (the archive's name
//                                                             without the tiers' code)
//     045-214502494-20170717-D201717-DE-1-1_0.xml             the act's metadata
//     99_DE-045-214502494-20170717-D201717-DE-1-1_1.pdf       the act, its type first
//
// département (3 characters), SIREN, date of the decision (YYYYMMDD), NumeroInterne, nature's
// short code, message type (1-1: transmission of an act), then the file's rank: 0 the
// metadata, 1 the act, 2 and on its annexes.

/** What the names are made of. */
export interface NameParts {
  /** The tiers' code (trigramme), first in the archive's name. */
  readonly tiers: string;
  /** The application code (quadrigramme), first in the envelope's name. */
  readonly application: string;
  readonly siren: string;
  /** The département's code, three characters (`051`, `02A`). */
  readonly departement: string;
  /** The envelope's date, YYYY-MM-DD. */
  readonly envelopeDate: string;
  /** The envelope's serial number in its day, from 1. */
  readonly serial: number;
  /** The date of the decision, YYYY-MM-DD. */
  readonly decisionDate: string;
  /** The NumeroInterne. */
  readonly number: string;
  /** The nature's short code (`DE`). */
  readonly nature: string;
  /** The message type (`1-1`). */
  readonly message: string;
  /** The type of the act's file (`99_DE`). */
  readonly typology: string;
}

/** The names of one transmission's files. */
export interface PackageNames {
  readonly archive: string;
  readonly envelope: string;
  /** The act's metadata (actes:Acte). */
  readonly metadata: string;
  /** The act itself, a PDF. */
  readonly act: string;
}

/** The names of the files of one act's transmission. */
export function packageNames(parts: NameParts): PackageNames {
  const compact = (date: string) => date.replaceAll("-", "");
  const envelope = `${parts.application}--${parts.siren}--${compact(parts.envelopeDate)}-${parts.serial}`;
  const base = `${parts.departement}-${parts.siren}-${compact(parts.decisionDate)}-${parts.number}-${parts.nature}-${parts.message}`;
  return {
    archive: `${parts.tiers}-${envelope}.tar.gz`,
    envelope: `${envelope}.xml`,
    metadata: `${base}_0.xml`,
    act: `${parts.typology}-${base}_1.pdf`,
  };
}
