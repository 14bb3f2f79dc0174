// The two XML files of an @CTES transmission, in the ACTES v1.1 schema (namespace
// http://www.interieur.gouv.fr/ACTES#v1.1-20040216, actesv1_1.xsd): the act's metadata
// (actes:Acte) and the envelope (actes:EnveloppeCLMISILL) that lists it. Elements and
// attributes in the order s2low writes and reads them (public.ssl/modules/actes/class/
// ActesTransaction.class.php generateActeXMLFile, createFromXML; ActesEnvelope.class.php
// generateEnvelopeXMLFile, processXMLEnvelope), ISO-8859-1 as both write it.
import { create } from "xmlbuilder2";
import { actesTransmission } from "../law/actes.js";

/** An element being built (xmlbuilder2 does not export the name of its type). */
type XMLBuilder = ReturnType<typeof create>;

const INSEE = "http://xml.insee.fr/schema";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** What actes:Acte says of one act. */
export interface ActeFields {
  /** The date of the decision, YYYY-MM-DD (actes:Date). */
  readonly date: string;
  /** actes:NumeroInterne. */
  readonly number: string;
  /** actes:CodeNatureActe (`1`, délibérations). */
  readonly nature: string;
  /** The matière's levels, 1 to 5 numbers (`7.1.2` → 7, 1, 2): actes:CodeMatiere1…5. */
  readonly matiere: readonly number[];
  /** actes:Objet. */
  readonly subject: string;
  /** The date of the préfecture's classification in use, YYYY-MM-DD (actes:ClassificationDateVersion). */
  readonly classificationDate: string;
  /** The act's file (actes:Document/actes:NomFichier). */
  readonly document: string;
  /** The annexes' files (actes:Annexes); none today: a session file cannot list any. */
  readonly annexes: readonly string[];
}

/** What the envelope says of the body and of the messages it carries. */
export interface EnvelopeFields {
  readonly siren: string;
  /** Three characters (`051`). */
  readonly departement: string;
  readonly arrondissement: number;
  /** The code of the body's nature in @CTES (actes:Nature of actes:IDCL). */
  readonly nature: string;
  /** Who to call about the transmission (actes:Referent), when configured. */
  readonly contact?: { readonly name?: string; readonly phone?: string; readonly email?: string };
  /** Where the préfecture's answers go (actes:AdressesRetour), at least one. */
  readonly returnEmails: readonly string[];
  /** The metadata files of the acts the envelope carries (actes:FormulairesEnvoyes). */
  readonly forms: readonly string[];
}

/** The act's metadata file, encoded as declared. */
export function acteXml(fields: ActeFields): Uint8Array {
  const ns = actesTransmission().namespace;
  const root = rootElement("actes:Acte")
    .att(ns, "actes:Date", fields.date)
    .att(ns, "actes:NumeroInterne", fields.number)
    .att(ns, "actes:CodeNatureActe", fields.nature);
  fields.matiere.forEach((level, i) => root.ele(ns, `actes:CodeMatiere${i + 1}`).att(ns, "actes:CodeMatiere", String(level)));
  root.ele(ns, "actes:Objet").txt(fields.subject);
  root.ele(ns, "actes:ClassificationDateVersion").txt(fields.classificationDate);
  root.ele(ns, "actes:Document").ele(ns, "actes:NomFichier").txt(fields.document);
  const annexes = root.ele(ns, "actes:Annexes").att(ns, "actes:Nombre", String(fields.annexes.length));
  for (const annexe of fields.annexes) annexes.ele(ns, "actes:Annexe").ele(ns, "actes:NomFichier").txt(annexe);
  return encoded(root);
}

/** The envelope's file, encoded as declared. */
export function envelopeXml(fields: EnvelopeFields): Uint8Array {
  const ns = actesTransmission().namespace;
  const root = rootElement("actes:EnveloppeCLMISILL");
  const sender = root.ele(ns, "actes:Emetteur");
  sender
    .ele(ns, "actes:IDCL")
    .att(INSEE, "insee:SIREN", fields.siren)
    .att(ns, "actes:Departement", fields.departement)
    .att(ns, "actes:Arrondissement", String(fields.arrondissement))
    .att(ns, "actes:Nature", fields.nature);
  const contact = fields.contact;
  if (contact && (contact.name || contact.phone || contact.email)) {
    const referent = sender.ele(ns, "actes:Referent");
    if (contact.name) referent.ele(ns, "actes:Nom").txt(contact.name);
    if (contact.phone) referent.ele(ns, "actes:Telephone").txt(contact.phone);
    if (contact.email) referent.ele(ns, "actes:Email").txt(contact.email);
  }
  const addresses = root.ele(ns, "actes:AdressesRetour");
  for (const email of fields.returnEmails) addresses.ele(ns, "actes:Email").txt(email);
  const forms = root.ele(ns, "actes:FormulairesEnvoyes");
  for (const form of fields.forms) forms.ele(ns, "actes:Formulaire").ele(ns, "actes:NomFichier").txt(form);
  return encoded(root);
}

/** A root element with the namespaces and schema location both files declare. */
function rootElement(name: string): XMLBuilder {
  const { namespace, encoding } = actesTransmission();
  return create({ version: "1.0", encoding })
    .ele(namespace, name, { "xmlns:insee": INSEE, "xmlns:xsi": XSI })
    .att(XSI, "xsi:schemaLocation", `${namespace} actesv1_1.xsd`);
}

/**
 * The document's text in ISO-8859-1, as its declaration says. A character that encoding lacks
 * (’, œ, €, « … » are in it but ’, œ and € are not) is written as a character reference
 * (`&#8217;`), which every XML parser reads back as the character: the text is kept whole.
 */
function encoded(root: XMLBuilder): Uint8Array {
  const text = root.end({ prettyPrint: true, indent: " " });
  let out = "";
  for (const ch of `${text}\n`) {
    const code = ch.codePointAt(0)!;
    out += code > 0xff ? `&#${code};` : ch;
  }
  return Buffer.from(out, "latin1");
}
