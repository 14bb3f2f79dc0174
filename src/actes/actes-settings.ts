// What a transmission needs to know of the body, from delib.config.yaml: its SIREN and
// département under `body:`, and the `actes:` block (arrondissement, the body's nature code,
// the classification in use, the return addresses). A missing fact is a located diagnostic:
// at the place in the configuration where it belongs, or at the session's `body` when there is
// no configuration at all.
import type { Config } from "../config/load-config.js";
import { diagnostic, type Diagnostic, type Result, type Span } from "../diagnostics/diagnostic.js";
import { msg } from "../diagnostics/message.js";
import { actesDestination, actesTransmission, type ActesDestination } from "../law/actes.js";
import type { DataPath } from "../model/session.js";
import { locate, type ParsedSource } from "../source/parse-yaml.js";

/** The `actes:` block of delib.config.yaml, as schemas/config.schema.json allows it. */
interface ActesBlock {
  arrondissement: number;
  destination?: "prefecture" | "sous_prefecture";
  nature: string;
  classification_date: string;
  return_emails: string[];
  contact?: { name?: string; phone?: string; email?: string };
  tiers?: string;
  application?: string;
}

/** Everything a transmission takes from the configuration. */
export interface ActesSettings {
  readonly siren: string;
  readonly departement: string;
  readonly destination: ActesDestination;
  /** The code of the body's nature in @CTES (actes:IDCL actes:Nature). */
  readonly nature: string;
  readonly classificationDate: string;
  readonly returnEmails: readonly string[];
  readonly contact?: ActesBlock["contact"];
  readonly tiers: string;
  readonly application: string;
}

/** The `actes:` block to paste, its values to be replaced by the body's own. */
const blockExample = 'actes: { arrondissement: 1, nature: "31", classification_date: 2024-01-15, return_emails: [mairie@example.fr] }';

/** The body's transmission settings from `config`, or why there are none (`session`: the file being packaged). */
export function actesSettings(config: Config, session: ParsedSource): Result<ActesSettings> {
  const fail = (d: Diagnostic): Result<ActesSettings> => ({ value: undefined, diagnostics: [d] });
  if (!config.path || !config.source) {
    return fail(diagnostic({ code: "DLB6030", message: msg("DLB6030.no_config"), span: locate(session, ["body"], "key"), hints: [msg("DLB6030.hint.no_config", { yaml: blockExample })] }));
  }
  const at = (path: DataPath): Span => locate(config.source!, path, "key");
  const body = config.body;
  const block = (config.source.data as { actes?: ActesBlock } | undefined)?.actes;
  const destination = actesDestination(config.source.data);
  const diagnostics: Diagnostic[] = [];
  if (!block || !destination) {
    diagnostics.push(diagnostic({ code: "DLB6030", message: msg("DLB6030"), span: at(body ? ["body"] : ["format"]), hints: [msg("DLB6030.hint", { yaml: blockExample })] }));
  }
  // The SIREN is the SIRET's first nine digits: either key gives it.
  const siren = body?.siren ?? body?.siret?.slice(0, 9);
  if (!siren) diagnostics.push(diagnostic({ code: "DLB6031", message: msg("DLB6031"), span: at(body ? ["body"] : ["format"]), hints: [msg("DLB6031.hint")] }));
  if (!body?.departement) diagnostics.push(diagnostic({ code: "DLB6032", message: msg("DLB6032"), span: at(body ? ["body"] : ["format"]), hints: [msg("DLB6032.hint")] }));
  if (diagnostics.length > 0 || !block || !destination || !siren || !body?.departement) return { value: undefined, diagnostics };
  const law = actesTransmission();
  return {
    value: {
      siren,
      departement: body.departement,
      destination,
      nature: block.nature,
      classificationDate: block.classification_date,
      returnEmails: block.return_emails,
      contact: block.contact,
      tiers: block.tiers ?? law.tiers,
      application: block.application ?? law.application,
    },
    diagnostics: [],
  };
}
