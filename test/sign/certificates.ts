// Certificates for the signing tests, made on the spot with node-forge: a self-signed authority
// and the certificates it issues, each with its key in a PKCS#12 file protected by a password.
// The keys come from Node's crypto (forge's pure-JS RSA key generation takes seconds).
import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import forge from "node-forge";

const { pki } = forge;

export interface TestIdentity {
  readonly name: string;
  readonly p12: string;
  readonly password: string;
  readonly key: forge.pki.rsa.PrivateKey;
  readonly certificate: forge.pki.Certificate;
}

function keyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const key = pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: pki.setRsaPublicKey(key.n, key.e) };
}

let serial = 1;

function certificate(subject: string, publicKey: forge.pki.PublicKey, issuer: { name: string; key: forge.pki.rsa.PrivateKey }, validity: { from: Date; to: Date }, ca: boolean): forge.pki.Certificate {
  const cert = pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = (0x1000 + serial++).toString(16);
  cert.validity.notBefore = validity.from;
  cert.validity.notAfter = validity.to;
  cert.setSubject([{ name: "commonName", value: subject, valueTagClass: forge.asn1.Type.UTF8 } as never, { name: "organizationName", value: "Commune de test" }]);
  cert.setIssuer([{ name: "commonName", value: issuer.name, valueTagClass: forge.asn1.Type.UTF8 } as never, { name: "organizationName", value: "Commune de test" }]);
  cert.setExtensions(ca ? [{ name: "basicConstraints", cA: true }, { name: "keyUsage", keyCertSign: true, cRLSign: true }] : [{ name: "basicConstraints", cA: false }, { name: "keyUsage", digitalSignature: true, nonRepudiation: true }]);
  cert.sign(issuer.key, forge.md.sha256.create());
  return cert;
}

/** An authority and a function issuing signer certificates, each written as a .p12 in `dir`. */
export function testAuthority(dir: string): { issue: (name: string, options?: { password?: string; from?: Date; to?: Date; file?: string }) => TestIdentity; ca: forge.pki.Certificate } {
  const authority = keyPair();
  const year = 365 * 24 * 3600 * 1000;
  const now = Date.now();
  const ca = certificate("Autorité de test delib", authority.publicKey, { name: "Autorité de test delib", key: authority.privateKey }, { from: new Date(now - year), to: new Date(now + 10 * year) }, true);
  return {
    ca,
    issue(name, options = {}) {
      const pair = keyPair();
      const cert = certificate(name, pair.publicKey, { name: "Autorité de test delib", key: authority.privateKey }, { from: options.from ?? new Date(now - year), to: options.to ?? new Date(now + year) }, false);
      const password = options.password ?? "mot de passe";
      const asn1 = forge.pkcs12.toPkcs12Asn1(pair.privateKey, [cert, ca], password, { algorithm: "aes256", friendlyName: name });
      const p12 = join(dir, options.file ?? `${name.replace(/[^A-Za-z]/g, "-")}.p12`);
      writeFileSync(p12, Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"));
      return { name, p12, password, key: pair.privateKey, certificate: cert };
    },
  };
}
