// The signer's name read from a certificate whatever ASN.1 string type its commonName uses
// (RFC 5280 4.1.2.4 DirectoryString): a BMPString (UTF-16BE) or T61String (Latin-1 here) name
// with an accent once made `commonName` throw a URIError, and `delib sign` stop with exit 4.
import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";
import { describe, expect, it } from "vitest";
import { commonName, openP12 } from "../../src/provenance/cms-signer.js";

const { asn1, pki } = forge;

/** A self-signed certificate whose commonName is `name` as bytes `raw` of ASN.1 type `type`, in a PKCS#12 file. */
function p12With(raw: string, type: number): Uint8Array {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const key = pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  const cert = pki.createCertificate();
  cert.publicKey = pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = "0a";
  cert.validity.notBefore = new Date("2020-01-01T00:00:00Z");
  cert.validity.notAfter = new Date("2040-01-01T00:00:00Z");
  const subject = [{ name: "commonName", value: raw, valueTagClass: type } as never];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], "secret", { algorithm: "aes256" });
  return Buffer.from(asn1.toDer(p12).getBytes(), "binary");
}

function nameFrom(p12: Uint8Array): string {
  const identity = openP12(p12, "secret");
  if ("problem" in identity) throw new Error(identity.problem);
  return commonName(identity.certificate);
}

describe("commonName decodes the certificate's name by its ASN.1 string type", () => {
  it("reads a BMPString (UTF-16BE) name with accents", () => {
    const raw = Buffer.from("Hélène Marchand", "utf16le").swap16().toString("binary");
    expect(nameFrom(p12With(raw, asn1.Type.BMPSTRING))).toBe("Hélène Marchand");
  });

  it("reads a T61String name with an é as Latin-1", () => {
    expect(nameFrom(p12With(Buffer.from("Émile Zéro", "latin1").toString("binary"), 20))).toBe("Émile Zéro");
  });

  // node-forge encodes a UTF8String value itself.
  it("reads a UTF8String name with accents", () => {
    expect(nameFrom(p12With("Hélène", asn1.Type.UTF8))).toBe("Hélène");
  });
});
