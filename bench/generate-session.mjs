// A session of N motions for the benchmarks, made from the reference example: the same body,
// members and attendance, the motion repeated with its own number and title.
import { readFileSync } from "node:fs";
import jsYaml from "js-yaml";

const example = new URL("../examples/nord-pas-de-calais-numerique/2021-05-18.yaml", import.meta.url);

/** The YAML text of a valid session with `count` motions. */
export function generateSession(count) {
  const session = jsYaml.load(readFileSync(example, "utf8"), { schema: jsYaml.CORE_SCHEMA });
  const [motion] = session.motions;
  session.motions = Array.from({ length: count }, (_, i) => ({
    ...motion,
    number: `2021-${String(i + 1).padStart(2, "0")}`,
    title: `${motion.title} (point ${i + 1})`,
  }));
  if (session.session.failed_convocation) delete session.session.failed_convocation.agenda;
  return `# yaml-language-server: $schema=../schemas/session.schema.json\n${jsYaml.dump(session, { schema: jsYaml.CORE_SCHEMA, lineWidth: -1 })}`;
}
