// The closing sheet of a sitting (CGCT R2121-9) lists the members present during the sitting,
// as the procès-verbal does: a member who arrived at the second item is present.
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { noConfig } from "../../src/config/load-config.js";
import { sittingsOfYear } from "../../src/register/register-sittings.js";
import { membersPresent } from "../../src/register/register-views.js";
import { session } from "../support/session-builder.js";

describe("the members present on the closing sheet", () => {
  it("include a late arrival, in the order of the seats", () => {
    const data = session()
      .members(5)
      .absent("m3")
      .vote({ for: 4, against: 0 })
      .vote({ for: 5, against: 0 }, { arrivals: ["m3"] })
      .build();
    const checked = checkText({ path: "2024-03-12.yaml", text: jsYaml.dump(data, { schema: jsYaml.CORE_SCHEMA }) });
    expect(checked.diagnostics).toEqual([]);
    const [sitting] = sittingsOfYear([{ path: checked.path, outcome: checked.outcome!, config: noConfig }], "2024");
    expect(membersPresent(sitting!).map((m) => m.id)).toEqual(["m1", "m2", "m3", "m4", "m5"]);
  });

  it("leave out a member excused all along, even when listed as interested, as the procès-verbal does", () => {
    const data = session()
      .members(5)
      .excused("m5")
      .vote({ for: 3, against: 0 }, { interested: ["m4", "m5"] })
      .build();
    const checked = checkText({ path: "2024-03-12.yaml", text: jsYaml.dump(data, { schema: jsYaml.CORE_SCHEMA }) });
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const [sitting] = sittingsOfYear([{ path: checked.path, outcome: checked.outcome!, config: noConfig }], "2024");
    // M4 was in the room and left for the vote: present; M5 never came.
    expect(membersPresent(sitting!).map((m) => m.id)).toEqual(["m1", "m2", "m3", "m4"]);
  });
});
