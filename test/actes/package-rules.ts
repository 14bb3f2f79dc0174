// The rules a tiers de télétransmission applies to an @CTES archive it is given, written once
// for the tests, each with where it comes from:
// - CdC: « Cahier des charges des dispositifs de télétransmission des actes soumis au contrôle de
//   légalité » v1.01 (21 octobre 2005), annexe 3 (formats, messages métier);
// - s2low: github.com/libriciel/s2low (Libriciel), the open-source tiers, by file and function;
//   its accepted fixture test/PHPUnit/fixtures/ok/SLO-EACT--214502494--20170717-6.tar.gz.
// `packageViolations` opens the archive with GNU tar and gzip, as s2low does, and returns
// every rule broken, « rule (source): what was found »; none for a good package.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";

export const ACTES_NS = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216";

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  // Character references (&#8217;) read as the characters, as any XML parser reads them.
  htmlEntities: true,
  isArray: (name) => ["actes:Email", "actes:Formulaire", "actes:Annexe"].includes(name),
});

/** An XML file as s2low reads it: its declaration, then the document. */
export function readXml(bytes: Uint8Array): { declaration: string; root: Node } {
  const text = Buffer.from(bytes).toString("latin1");
  return { declaration: text.slice(0, text.indexOf("?>") + 2), root: parser.parse(text) as Node };
}

/** The files of a .tar.gz as GNU tar lists and extracts them, in order. */
export function untar(archive: Uint8Array): { names: string[]; files: Map<string, Buffer> } {
  const dir = mkdtempSync(join(tmpdir(), "delib-actes-"));
  const path = join(dir, "archive.tar.gz");
  writeFileSync(path, archive);
  const names = execFileSync("tar", ["-t", "-z", "-f", path], { encoding: "utf8" }).trim().split("\n");
  const out = join(dir, "files");
  execFileSync("mkdir", [out]);
  execFileSync("tar", ["-x", "-z", "-f", path, "-C", out]);
  return { names, files: new Map(names.map((n) => [n, readFileSync(join(out, n))])) };
}

/** What the body's configuration says, to compare the envelope with (s2low compares it with the account). */
export interface Expected {
  readonly siren: string;
  readonly departement: string;
  readonly arrondissement: string;
  readonly nature: string;
}

/**
 * Every rule `archive` (named `name`) breaks. `pdfInfo`: also open the act with poppler's
 * pdfinfo (a real PDF, not locked).
 */
export function packageViolations(name: string, archive: Uint8Array, expected: Expected, pdfInfo = false): string[] {
  const broken: string[] = [];
  const rule = (ok: boolean, what: string) => {
    if (!ok) broken.push(what);
  };
  rule(archive.length <= 150 * 1024 * 1024, `archive of 150 MiB at most (s2low ACTES_ARCHIVE_MAX_SIZE, ActesEnvelope checkArchiveSize): ${archive.length} bytes`);
  const parts = name.split("-");
  rule(/^[A-Za-z0-9]{3}$/.test(parts[0] ?? ""), `archive named after the tiers' trigramme (s2low ActesNameArchive verifNameOK): ${name}`);
  rule(parts[1] === "EACT", `then the quadrigramme EACT (verifNameOK; fixture SLO-EACT--…): ${name}`);
  const m = /^[A-Za-z0-9]{3}-(EACT--(\d{9})--(\d{8})-(\d{1,4}))\.tar\.gz$/.exec(name);
  rule(m !== null, `archive name TRI-EACT--SIREN--YYYYMMDD-N.tar.gz (ActesEnvelope generateArchiveFile, generateEnvelopeXMLFile; serial ≤ 9999, getNextEnvelopeSerial): ${name}`);
  if (!m) return broken;
  const envelopeName = `${m[1]}.xml`;
  let listed: { names: string[]; files: Map<string, Buffer> };
  try {
    listed = untar(archive);
  } catch (error) {
    return [...broken, `a gzip-compressed tar (ActesEnvelope checkArchiveType, extractArchive): ${(error as Error).message}`];
  }
  const { names, files } = listed;
  rule(names.every((n) => !n.includes("/")), `files at the archive's root (extractArchive, then dirname(xmlFile)/NomFichier): ${names.join(", ")}`);
  const envelopeBytes = files.get(envelopeName);
  rule(envelopeBytes !== undefined, `the envelope named as the archive without its trigramme (ActesEnvelope importArchiveFile): ${envelopeName} not in ${names.join(", ")}`);
  if (!envelopeBytes) return broken;
  const envelope = readXml(envelopeBytes);
  rule(/^<\?xml version="1\.0" encoding="ISO-8859-1"\?>$/.test(envelope.declaration), `XML 1.0 in ISO-8859-1 (CdC annexe 3, formats): ${envelope.declaration}`);
  const root = envelope.root["actes:EnveloppeCLMISILL"] as Node | undefined;
  rule(root !== undefined, "envelope element actes:EnveloppeCLMISILL (ActesEnvelope generateEnvelopeXMLFile)");
  if (!root) return broken;
  rule(root["@xmlns:actes"] === ACTES_NS, `ACTES v1.1 namespace (xmlns:actes): ${String(root["@xmlns:actes"])}`);
  rule(root["@xmlns:insee"] === "http://xml.insee.fr/schema", "insee namespace for the SIREN (insee:SIREN)");
  const idcl = ((root["actes:Emetteur"] as Node | undefined)?.["actes:IDCL"] ?? {}) as Node;
  rule(idcl["@insee:SIREN"] === expected.siren && m[2] === expected.siren, `IDCL insee:SIREN of the body, also in the names (processXMLEnvelope: « Le numéro de SIREN … ne correspond pas »): ${String(idcl["@insee:SIREN"])}`);
  rule(idcl["@actes:Departement"] === expected.departement, `IDCL actes:Departement (processXMLEnvelope): ${String(idcl["@actes:Departement"])}`);
  rule(idcl["@actes:Arrondissement"] === expected.arrondissement, `IDCL actes:Arrondissement (processXMLEnvelope): ${String(idcl["@actes:Arrondissement"])}`);
  rule(idcl["@actes:Nature"] === expected.nature, `IDCL actes:Nature, the body's type (processXMLEnvelope): ${String(idcl["@actes:Nature"])}`);
  const emails = ((root["actes:AdressesRetour"] as Node | undefined)?.["actes:Email"] ?? []) as unknown[];
  rule(emails.length >= 1, "at least one actes:AdressesRetour/actes:Email (generateEnvelopeXMLFile « pas de mail retour »; xmlAddTDTReturnMail)");
  const forms = (((root["actes:FormulairesEnvoyes"] as Node | undefined)?.["actes:Formulaire"] ?? []) as Node[]).map((f) => String(f["actes:NomFichier"]));
  rule(forms.length === 1, `one actes:Formulaire, the act's metadata (FormulairesEnvoyes, processXMLEnvelope): ${forms.join(", ")}`);
  const metadataName = forms[0] ?? "";
  const metadataBytes = files.get(metadataName);
  rule(metadataBytes !== undefined, `the metadata the envelope lists is in the archive (processXMLEnvelope, createFromXML): ${metadataName}`);
  if (!metadataBytes) return broken;
  const base = new RegExp(`^(${expected.departement})-(${expected.siren})-(\\d{8})-([A-Z0-9_]{1,15})-DE-1-1_0\\.xml$`).exec(metadataName);
  rule(base !== null, `metadata named DEPT-SIREN-YYYYMMDD-NUMERO-DE-1-1_0.xml (ActesTransaction getStdFileName; CdC annexe 3, message 1-1): ${metadataName}`);
  const acte = readXml(metadataBytes);
  rule(/^<\?xml version="1\.0" encoding="ISO-8859-1"\?>$/.test(acte.declaration), `XML 1.0 in ISO-8859-1 (CdC annexe 3, formats): ${acte.declaration}`);
  const a = acte.root["actes:Acte"] as Node | undefined;
  rule(a !== undefined, "metadata element actes:Acte (ActesTransaction createFromXML)");
  if (!a) return broken;
  rule(a["@xmlns:actes"] === ACTES_NS, "ACTES v1.1 namespace (xmlns:actes)");
  const date = String(a["@actes:Date"]);
  rule(/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/.test(date) && base?.[3] === date.replaceAll("-", ""), `actes:Date YYYY-MM-DD, the one in the names (ActesTransaction set(), getStdFileName): ${date}`);
  const number = String(a["@actes:NumeroInterne"]);
  rule(/^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$/.test(number) && number.length <= 15 && base?.[4] === number, `actes:NumeroInterne by NUMBER_REGEXP, 15 at most, the one in the names (ActesTransaction): ${number}`);
  rule(a["@actes:CodeNatureActe"] === "1", `actes:CodeNatureActe 1, délibérations, short code DE (actes_natures): ${String(a["@actes:CodeNatureActe"])}`);
  const levels = [1, 2, 3, 4, 5].map((i) => (a[`actes:CodeMatiere${i}`] as Node | undefined)?.["@actes:CodeMatiere"]).filter((v) => v !== undefined);
  rule(levels.length >= 1 && levels.every((v) => /^\d+$/.test(String(v))), `classification: CodeMatiere1…5, numbers (createFromXML, « classification » mandatory): ${levels.join(".")}`);
  const subject = String(a["actes:Objet"] ?? "");
  rule(subject.length > 0 && subject.length <= 499, `actes:Objet, mandatory, 499 characters at most (dbFields subject): ${subject.length}`);
  rule(/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/.test(String(a["actes:ClassificationDateVersion"])), `actes:ClassificationDateVersion, a date (dbFields classification_date, mandatory isDate): ${String(a["actes:ClassificationDateVersion"])}`);
  const document = a["actes:Document"] as Node | undefined;
  const documentName = String(document?.["actes:NomFichier"] ?? "");
  rule(!Array.isArray(document) && documentName !== "", "exactly one actes:Document/actes:NomFichier (createFromXML « Impossible de traiter plusieurs document actes »)");
  rule(documentName === `99_DE-${metadataName.replace(/_0\.xml$/, "_1.pdf")}`, `the act typed 99_DE and ranked 1 (ActesTypePJSQL getDefaultType; getStdFileName with code_pj): ${documentName}`);
  rule(/^[A-Z0-9_]{5}-/.test(documentName), `a typology code of 5 characters (ActesTransaction addFile « Le code de la PJ doit faire 5 caractères »): ${documentName}`);
  const pdf = files.get(documentName);
  rule(pdf !== undefined && pdf.subarray(0, 5).toString("latin1") === "%PDF-", `the act is a PDF in the archive (CdC annexe 3: PDF, JPG, PNG; addFile: PDF required for an act): ${documentName}`);
  const annexes = a["actes:Annexes"] as Node | undefined;
  rule(annexes?.["@actes:Nombre"] === String(((annexes?.["actes:Annexe"] ?? []) as unknown[]).length), "actes:Annexes actes:Nombre counts the annexes (generateActeXMLFile)");
  rule(names.length === 2 + 1 + Number(annexes?.["@actes:Nombre"] ?? 0), `nothing else in the archive (buildFileList): ${names.join(", ")}`);
  if (pdfInfo && pdf) {
    const dir = mkdtempSync(join(tmpdir(), "delib-actes-pdf-"));
    writeFileSync(join(dir, "act.pdf"), pdf);
    const info = execFileSync("pdfinfo", [join(dir, "act.pdf")], { encoding: "utf8" });
    rule(/^Encrypted:\s+no$/m.test(info), `the act not locked (CdC annexe 3: « Les documents joints ne devront pas être verrouillés »): ${/^Encrypted:.*$/m.exec(info)?.[0]}`);
    rule(/^Pages:\s+[1-9]/m.test(info), "the act has pages (pdfinfo reads it)");
  }
  return broken;
}
