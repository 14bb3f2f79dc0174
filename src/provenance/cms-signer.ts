// The CMS signature inside a signed PDF, as PAdES baseline B-B asks (ETSI EN 319 142-1 6.3,
// ETSI EN 319 122-1 for CAdES): a detached SignedData over the PDF's signed bytes, whose signed
// attributes are the content type, the message digest and the signing certificate (ESS
// signing-certificate-v2, RFC 5035). @signpdf/signer-p12 cannot be used as it is: node-forge's
// PKCS#7 writer knows only content type, message digest and signing time, and PAdES forbids the
// CMS signing time beside the PDF's /M. So the SignedData is written here with node-forge's ASN.1.
import { createHash, createPrivateKey, sign as rsaSign, type KeyObject } from "node:crypto";
import { Signer } from "@signpdf/utils";
import forge from "node-forge";

const { asn1, pki } = forge;
type Asn1 = forge.asn1.Asn1;

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
} as const;

/** What a PKCS#12 file holds for signing: the key, its certificate, and the chain above it. */
export interface SigningIdentity {
  /** The private key, for Node's crypto (native RSA: node-forge's takes a quarter of a second). */
  readonly key: KeyObject;
  readonly certificate: forge.pki.Certificate;
  /** The other certificates of the file (the issuers), carried in the signature. */
  readonly chain: readonly forge.pki.Certificate[];
}

/** Why a PKCS#12 file gives no identity. */
export type P12Problem = "password" | "no-key" | "not-rsa";

/** Opens a PKCS#12 file: the identity, or why not (a wrong password and a damaged file look alike). */
export function openP12(bytes: Uint8Array, password: string): SigningIdentity | { problem: P12Problem } {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString("binary")));
    p12 = forge.pkcs12.pkcs12FromAsn1(der, false, password);
  } catch {
    return { problem: "password" };
  }
  const bags = (type: string | undefined): forge.pkcs12.Bag[] => (type ? (p12.getBags({ bagType: type })[type] ?? []) : []);
  const keyBags = [...bags(pki.oids.pkcs8ShroudedKeyBag), ...bags(pki.oids.keyBag)];
  const certificates = bags(pki.oids.certBag).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const key = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) {
    // node-forge reads RSA keys only: an EC key leaves an empty bag with its raw ASN.1.
    return { problem: keyBags.length > 0 ? "not-rsa" : "no-key" };
  }
  // The certificate of the key: the one whose public modulus is the key's.
  const certificate = certificates.find((c: forge.pki.Certificate) => (c.publicKey as forge.pki.rsa.PublicKey).n?.equals(key.n));
  if (!certificate) return { problem: "no-key" };
  return { key: createPrivateKey(pki.privateKeyToPem(key)), certificate, chain: certificates.filter((c) => c !== certificate) };
}

/**
 * A DirectoryString's text by its ASN.1 type (RFC 5280 4.1.2.4; node-forge keeps the raw bytes
 * as a binary string): UTF8String as UTF-8, BMPString as UTF-16BE, UniversalString as UTF-32BE,
 * the others (PrintableString, IA5String, T61String) as Latin-1.
 */
function decodeDirectoryString(raw: string, type: number | undefined): string {
  const bytes = Buffer.from(raw, "binary");
  if (type === asn1.Type.UTF8) return bytes.toString("utf8");
  if (type === asn1.Type.BMPSTRING) return Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2))).swap16().toString("utf16le");
  if (type === 28) {
    // UniversalString: UTF-32BE.
    const points: number[] = [];
    for (let i = 0; i + 3 < bytes.length; i += 4) points.push(bytes.readUInt32BE(i));
    return points.map((p) => (p <= 0x10ffff ? String.fromCodePoint(p) : "\ufffd")).join("");
  }
  return bytes.toString("latin1");
}

/** The certificate's common name (or its whole subject when it has none). */
export function commonName(certificate: forge.pki.Certificate): string {
  const cn = certificate.subject.getField("CN") as { value?: string; valueTagClass?: number } | null;
  if (cn?.value) return decodeDirectoryString(cn.value, cn.valueTagClass);
  return certificate.subject.attributes.map((a) => `${a.shortName ?? a.type}=${String(a.value)}`).join(", ");
}

const sequence = (items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (id: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
const integer = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes);
const nul = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, "");
const der = (node: Asn1) => asn1.toDer(node).getBytes();
const sha256 = (binary: string | Uint8Array) => createHash("sha256").update(typeof binary === "string" ? Buffer.from(binary, "binary") : binary).digest("binary");

/** A certificate's serial number as the DER INTEGER bytes (forge keeps it as hex). */
function serial(certificate: forge.pki.Certificate): Asn1 {
  let hex = certificate.serialNumber.length % 2 === 1 ? `0${certificate.serialNumber}` : certificate.serialNumber;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return integer(forge.util.hexToBytes(hex));
}

/**
 * A certificate's issuer as it is encoded in the certificate. Not node-forge's
 * distinguishedNameToAsn1: it encodes UTF-8 names again, and the issuer would no longer match.
 */
function issuer(certificate: forge.pki.Certificate): Asn1 {
  const tbs = ((certificate as { tbsCertificate?: Asn1 }).tbsCertificate ?? pki.certificateToAsn1(certificate).value[0]) as Asn1;
  const fields = tbs.value as Asn1[];
  // TBSCertificate: [0] version (optional), serialNumber, signature, issuer, …
  return fields[fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 3 : 2]!;
}

function attribute(type: string, value: Asn1): Asn1 {
  return sequence([oid(type), set([value])]);
}

/**
 * The signed attributes, in DER order (a SET OF is sorted by its encodings, X.690 11.6): the
 * signature is computed over this SET, and the same content is carried as [0] IMPLICIT.
 */
function signedAttributes(digest: string, certificate: forge.pki.Certificate): Asn1[] {
  const certificateDer = der(pki.certificateToAsn1(certificate));
  // RFC 5035: ESSCertIDv2 { hashAlgorithm DEFAULT sha256 (omitted), certHash, issuerSerial }.
  const issuerSerial = sequence([
    sequence([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer(certificate)])]),
    serial(certificate),
  ]);
  const signingCertificate = sequence([sequence([sequence([octets(sha256(certificateDer)), issuerSerial])])]);
  const attributes = [attribute(OID.contentType, oid(OID.data)), attribute(OID.messageDigest, octets(digest)), attribute(OID.signingCertificateV2, signingCertificate)];
  return attributes.map((a) => [a, der(a)] as const).sort(([, x], [, y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([a]) => a);
}

/** The DER of a detached CMS SignedData over `content`, with PAdES's signed attributes. */
export function signCms(content: Uint8Array, identity: SigningIdentity): Buffer {
  const { key, certificate, chain } = identity;
  const attributes = signedAttributes(sha256(content), certificate);
  // RSASSA-PKCS1-v1_5 with SHA-256 over the DER of the SET OF signed attributes (RFC 5652 5.4).
  const signature = rsaSign("sha256", Buffer.from(der(set(attributes)), "binary"), key).toString("binary");
  const sha256Algorithm = sequence([oid(OID.sha256), nul()]);
  const signerInfo = sequence([
    integer(String.fromCharCode(1)),
    sequence([issuer(certificate), serial(certificate)]),
    sha256Algorithm,
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
    sequence([oid(OID.rsaEncryption), nul()]),
    octets(signature),
  ]);
  const signedData = sequence([
    integer(String.fromCharCode(1)),
    set([sha256Algorithm]),
    sequence([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [certificate, ...chain].map((c) => pki.certificateToAsn1(c))),
    set([signerInfo]),
  ]);
  const contentInfo = sequence([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return Buffer.from(der(contentInfo), "binary");
}

/** @signpdf's Signer for delib's identity: what @signpdf/signpdf calls with the bytes to sign. */
export class PadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return signCms(pdfBuffer, this.identity);
  }
}
