// The @CTES package of each deliberation (src/actes/), checked rule by rule against what the
// tiers de télétransmission checks when it takes an archive, each rule cited: the open-source
// tiers S²LOW (github.com/libriciel/s2low, which applies the ministry's ACTES v1.1 rules) by
// file and function, and its own accepted fixture test/PHPUnit/fixtures/ok/ (the archive
// SLO-EACT--214502494--20170717-6.tar.gz, its envelope EACT--214502494--20170717-6.xml and
// act 045-214502494-20170717-D201717-DE-1-1_0.xml). The official XSD (actesv1_1.xsd) is not
// published where this repository can take it from: the rules are tested one by one.
// No browser here: the act's PDF is a stand-in (test/actes/actes-command.test.ts prints it).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { actesArchive, planActesPackages, type ActesPlan } from "../../src/actes/actes-packages.js";
import { acteXml, envelopeXml } from "../../src/actes/actes-xml.js";
import { en } from "../support/english.js";
import { actesRegister, checkedSitting } from "./actes-register.js";
import { ACTES_NS, packageViolations, readXml } from "./package-rules.js";

const NS = ACTES_NS;
const pdf = Buffer.from("%PDF-1.7\n% a stand-in for the extract\n%%EOF\n", "latin1");
const env = {};

type Node = Record<string, unknown>;

/** The files of an archive as GNU tar extracts them, in their order. */
function untar(archive: Uint8Array): { names: string[]; files: Map<string, Buffer> } {
  const dir = mkdtempSync(join(tmpdir(), "delib-actes-"));
  const path = join(dir, "archive.tar.gz");
  writeFileSync(path, archive);
  const names = execFileSync("tar", ["-t", "-z", "-f", path], { encoding: "utf8" }).trim().split("\n");
  execFileSync("tar", ["-x", "-z", "-f", path, "-C", dir]);
  return { names, files: new Map(names.map((n) => [n, readFileSync(join(dir, n))])) };
}

describe("the @CTES packages of a sitting", async () => {
  const { dir, file } = actesRegister();
  const sitting = await checkedSitting(dir, file);
  const planned = planActesPackages(sitting, env);
  const plans = planned.value!.plans;
  const first = plans[0]!;
  const archive = actesArchive(first, pdf).value!;
  const { names, files } = untar(archive);
  const envelope = readXml(files.get(first.names.envelope)!);
  const acte = readXml(files.get(first.names.metadata)!);
  const acteRoot = acte.root["actes:Acte"] as Node;
  const envelopeRoot = envelope.root["actes:EnveloppeCLMISILL"] as Node;

  it("gives packages that break none of the rules a tiers applies (test/actes/package-rules.ts, each rule cited)", () => {
    for (const p of plans) expect(packageViolations(p.names.archive, actesArchive(p, pdf).value!, { siren: "215101234", departement: "051", arrondissement: "2", nature: "31" })).toEqual([]);
  });

  it("has rules that catch a broken package: the checks above can fail", () => {
    const body = { siren: "215101234", departement: "051", arrondissement: "2", nature: "31" };
    const violations = (p: ActesPlan, name = p.names.archive) => packageViolations(name, actesArchive(p, pdf).value!, body);
    expect(violations(first, first.names.archive.replace("EACT", "TACT"))).toEqual([expect.stringMatching(/^then the quadrigramme EACT/), expect.stringMatching(/^archive name TRI-EACT/)]);
    const noReturn = { ...first, envelope: envelopeXml({ siren: "215101234", departement: "051", arrondissement: 2, nature: "31", returnEmails: [], forms: [first.names.metadata] }) };
    expect(violations(noReturn)).toEqual([expect.stringMatching(/^at least one actes:AdressesRetour/)]);
    const lowerCase = { ...first, metadata: acteXml({ date: "2023-12-12", number: "2023-45", nature: "1", matiere: [5, 3], subject: "x".repeat(500), classificationDate: "1er juin", document: first.names.act, annexes: [] }) };
    expect(violations(lowerCase)).toEqual([
      expect.stringMatching(/^actes:NumeroInterne by NUMBER_REGEXP/),
      expect.stringMatching(/^actes:Objet, mandatory, 499 characters at most/),
      expect.stringMatching(/^actes:ClassificationDateVersion, a date/),
    ]);
    expect(packageViolations(first.names.archive, new Uint8Array(10), body)).toEqual([expect.stringMatching(/^a gzip-compressed tar/)]);
  });

  it("makes one package per deliberation, without a diagnostic; none for 2023-49, not deliberated for want of quorum", () => {
    expect(planned.diagnostics).toEqual([]);
    expect(plans.map((p) => p.number)).toEqual(["2023-45", "2023-46", "2023-47", "2023-48"]);
    expect(planned.value!.skipped).toEqual(["2023-49"]);
  });

  it("names the archive TRIGRAMME-QUADRIGRAMME--SIREN--YYYYMMDD-SERIAL.tar.gz (s2low class/actes/ActesNameArchive.php verifNameOK; fixture SLO-EACT--214502494--20170717-6.tar.gz)", () => {
    expect(plans.map((p) => p.names.archive)).toEqual([1, 2, 3, 4].map((n) => `SLO-EACT--215101234--20231212-${n}.tar.gz`));
    for (const p of plans) {
      const [trigramme, quadrigramme] = p.names.archive.split("-");
      expect(trigramme).toMatch(/^[A-Za-z0-9]{3}$/);
      expect(quadrigramme).toBe("EACT");
    }
  });

  it("names the envelope as the archive without its trigramme, .xml for .tar.gz (ActesEnvelope.class.php importArchiveFile)", () => {
    for (const p of plans) expect(p.names.envelope).toBe(p.names.archive.replace(/^[^-]+-/, "").replace(/\.tar\.gz$/, ".xml"));
    expect(names).toContain(first.names.envelope);
  });

  it("is a gzip-compressed tar that holds the envelope, the act's metadata and the act (checkArchiveType, buildFileList)", () => {
    expect(names).toEqual([first.names.envelope, first.names.metadata, first.names.act]);
    expect(files.get(first.names.act)!.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("stays under the 150 MiB a tiers takes (ACTES_ARCHIVE_MAX_SIZE, checkArchiveSize)", () => {
    expect(archive.length).toBeLessThanOrEqual(150 * 1024 * 1024);
  });

  it("refuses, with DLB6038, an archive larger than the tiers takes", () => {
    const refused = actesArchive(first, pdf, 100);
    expect(refused.value).toBeUndefined();
    expect(refused.diagnostics.map((d) => [d.code, en(d.message)])).toEqual([["DLB6038", expect.stringMatching(/^the package of deliberation 2023-45 would weigh [\d,]+ bytes: a tiers de télétransmission takes 100 at most$/)]]);
  });

  it("names the act's files DEPT-SIREN-YYYYMMDD-NUMERO-DE-1-1_RANK, the act typed 99_DE first (ActesTransaction.class.php getStdFileName; ActesTypePJSQL getDefaultType)", () => {
    expect(first.names.metadata).toBe("051-215101234-20231212-2023_45-DE-1-1_0.xml");
    expect(first.names.act).toBe("99_DE-051-215101234-20231212-2023_45-DE-1-1_1.pdf");
    // A typology code is 5 characters of A–Z, 0–9 and `_` (ActesTransaction.class.php addFile).
    for (const p of plans) expect(p.names.act.split("-")[0]).toMatch(/^[A-Z0-9_]{5}$/);
  });

  describe("the envelope (actes:EnveloppeCLMISILL)", () => {
    it("is ISO-8859-1 as declared (ActesEnvelope.class.php generateEnvelopeXMLFile)", () => {
      expect(envelope.declaration).toBe('<?xml version="1.0" encoding="ISO-8859-1"?>');
    });

    it("is in the ACTES v1.1 namespace, with the schema location actesv1_1.xsd", () => {
      expect(envelopeRoot["@xmlns:actes"]).toBe(NS);
      expect(envelopeRoot["@xsi:schemaLocation"]).toBe(`${NS} actesv1_1.xsd`);
      expect(envelopeRoot["@xmlns:insee"]).toBe("http://xml.insee.fr/schema");
    });

    it("names the body: SIREN, département, arrondissement and nature, which the tiers compares with its account (processXMLEnvelope)", () => {
      const idcl = (envelopeRoot["actes:Emetteur"] as Node)["actes:IDCL"] as Node;
      expect(idcl["@insee:SIREN"]).toBe("215101234");
      expect(idcl["@insee:SIREN"]).toMatch(/^\d{9}$/);
      expect(idcl["@actes:Departement"]).toBe("051");
      expect(idcl["@actes:Arrondissement"]).toBe("2");
      expect(idcl["@actes:Nature"]).toBe("31");
    });

    it("gives the contact (actes:Referent: Nom, Telephone, Email, read by processXMLEnvelope)", () => {
      expect((envelopeRoot["actes:Emetteur"] as Node)["actes:Referent"]).toEqual({
        "actes:Nom": "Claire Martin",
        "actes:Telephone": "03 26 00 00 00",
        "actes:Email": ["mairie@marcilly.example.fr"],
      });
    });

    it("has at least one return address (generateEnvelopeXMLFile: « pas de mail retour »; xmlAddTDTReturnMail needs AdressesRetour)", () => {
      expect((envelopeRoot["actes:AdressesRetour"] as Node)["actes:Email"]).toEqual(["mairie@marcilly.example.fr", "secretariat@marcilly.example.fr"]);
    });

    it("lists the act's metadata file, which is in the archive (FormulairesEnvoyes, processXMLEnvelope)", () => {
      const forms = (envelopeRoot["actes:FormulairesEnvoyes"] as Node)["actes:Formulaire"] as Node[];
      expect(forms.map((f) => f["actes:NomFichier"])).toEqual([first.names.metadata]);
      expect(files.has(first.names.metadata)).toBe(true);
    });
  });

  describe("the act's metadata (actes:Acte)", () => {
    it("is ISO-8859-1 as declared, in the ACTES v1.1 namespace (ActesTransaction.class.php generateActeXMLFile)", () => {
      expect(acte.declaration).toBe('<?xml version="1.0" encoding="ISO-8859-1"?>');
      expect(acteRoot["@xmlns:actes"]).toBe(NS);
      expect(acteRoot["@xsi:schemaLocation"]).toBe(`${NS} actesv1_1.xsd`);
    });

    it("dates the decision on the sitting's day, YYYY-MM-DD (actes:Date; set(): /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/)", () => {
      expect(acteRoot["@actes:Date"]).toBe("2023-12-12");
    });

    it("gives a NumeroInterne of 1 to 15 of A–Z, 0–9, `_`, not starting or ending with `_` (NUMBER_REGEXP, maxlength 15)", () => {
      for (const p of plans) {
        const number = (readXml(p.metadata).root["actes:Acte"] as Node)["@actes:NumeroInterne"] as string;
        expect(number).toMatch(/^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$/);
        expect(number.length).toBeLessThanOrEqual(15);
      }
      expect(acteRoot["@actes:NumeroInterne"]).toBe("2023_45");
    });

    it("gives each NumeroInterne once in the sitting (isUnique: one number per collectivité)", () => {
      expect(new Set(plans.map((p) => p.actesNumber)).size).toBe(plans.length);
    });

    it("has the nature 1, délibérations (actes:CodeNatureActe; short code DE in the names)", () => {
      expect(acteRoot["@actes:CodeNatureActe"]).toBe("1");
    });

    it("gives the matière's levels as numbers, CodeMatiere1 to CodeMatiereN (createFromXML reads 1 to 5)", () => {
      expect(acteRoot["actes:CodeMatiere1"]).toEqual({ "@actes:CodeMatiere": "5" });
      expect(acteRoot["actes:CodeMatiere2"]).toEqual({ "@actes:CodeMatiere": "3" });
      expect(acteRoot["actes:CodeMatiere3"]).toBeUndefined();
      // 7.10 stays 7 then 10, not 7.1.
      const tarifs = readXml(plans[2]!.metadata).root["actes:Acte"] as Node;
      expect([tarifs["actes:CodeMatiere1"], tarifs["actes:CodeMatiere2"]]).toEqual([{ "@actes:CodeMatiere": "7" }, { "@actes:CodeMatiere": "10" }]);
    });

    it("gives the subject, the deliberation's title, of 499 characters at most (actes:Objet; dbFields subject maxlength 499)", () => {
      expect(acteRoot["actes:Objet"]).toBe("Désignation du délégué titulaire de la commune au comité du Syndicat intercommunal d'énergie de l'Aubrette");
      for (const p of plans) expect(((readXml(p.metadata).root["actes:Acte"] as Node)["actes:Objet"] as string).length).toBeLessThanOrEqual(499);
    });

    it("gives the date of the classification in use, YYYY-MM-DD (actes:ClassificationDateVersion, mandatory isDate)", () => {
      expect(acteRoot["actes:ClassificationDateVersion"]).toBe("2023-06-01");
    });

    it("names exactly one document, the PDF in the archive (createFromXML: « Impossible de traiter plusieurs document actes »; addFile: PDF required)", () => {
      expect(acteRoot["actes:Document"]).toEqual({ "actes:NomFichier": first.names.act });
      expect(first.names.act).toMatch(/\.pdf$/);
      expect(files.has(first.names.act)).toBe(true);
    });

    it("declares no annexe: a session file cannot list any today (actes:Annexes actes:Nombre)", () => {
      expect(acteRoot["actes:Annexes"]).toEqual({ "@actes:Nombre": "0" });
    });

    it("keeps a character ISO-8859-1 lacks as a character reference, read back whole", () => {
      const bytes = acteXml({ date: "2023-12-12", number: "X1", nature: "1", matiere: [5, 3], subject: "Vœu d’un « délégué » – 5 €", classificationDate: "2023-06-01", document: "a.pdf", annexes: [] });
      expect(Buffer.from(bytes).toString("latin1")).toContain("V&#339;u d&#8217;un « délégué » &#8211; 5 &#8364;");
      expect((readXml(bytes).root["actes:Acte"] as Node)["actes:Objet"]).toBe("Vœu d’un « délégué » – 5 €");
    });
  });

  it("gives the same bytes from the same input", async () => {
    const again = planActesPackages(await checkedSitting(dir, file), env).value!.plans;
    const bytes = (ps: readonly ActesPlan[]) => ps.map((p) => Buffer.concat([p.envelope, p.metadata, actesArchive(p, pdf).value!]).toString("base64"));
    expect(bytes(again)).toEqual(bytes(plans));
  });

  it("dates the archive's files with SOURCE_DATE_EPOCH when it is set, but names the envelope by the sitting's day", () => {
    const dated = planActesPackages(sitting, { SOURCE_DATE_EPOCH: "1704067200" }).value!.plans[0]!;
    expect(dated.mtime.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    // Named by SOURCE_DATE_EPOCH's day, the first act of every sitting would get one name, and in
    // one out/ folder the last package written would silently replace the others.
    expect(dated.names.archive).toBe("SLO-EACT--215101234--20231212-1.tar.gz");
    // The decision keeps its own date.
    expect(dated.names.metadata).toBe("051-215101234-20231212-2023_45-DE-1-1_0.xml");
  });
});
