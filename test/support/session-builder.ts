// A fluent builder of valid sessions for tally tests: session().members(5).present("m1")...
import type { Attendance, College, Motion, Session, VoteRecord } from "../../src/model/session.js";

export class SessionBuilder {
  private readonly data: Session = {
    format: 1,
    body: { name: "Commune de Test", name_in_text: "de la commune de Test", kind: "commune", assembly: "conseil municipal" },
    session: {
      date: "2024-03-12",
      place: "à la salle du conseil",
      convened_on: "2024-03-05",
      president: "m1",
      signatory: { member: "m1", capacity: "Le Maire" },
    },
    members: [],
    attendance: {},
    motions: [],
  };

  /** Adds members m1..mN (or the given ids), all present unless told otherwise. */
  members(count: number): this {
    for (let i = 1; i <= count; i++) this.member(`m${this.data.members.length + 1}`);
    return this;
  }

  member(id: string, attendance: Attendance = "present"): this {
    this.data.members.push({ id, civility: "M.", first_name: "Jean", last_name: id.toUpperCase() });
    this.data.attendance[id] = attendance;
    return this;
  }

  present(...ids: string[]): this {
    for (const id of ids) this.data.attendance[id] = "present";
    return this;
  }

  absent(...ids: string[]): this {
    for (const id of ids) this.data.attendance[id] = "absent";
    return this;
  }

  excused(...ids: string[]): this {
    for (const id of ids) this.data.attendance[id] = "excused";
    return this;
  }

  proxy(principal: string, holder: string): this {
    this.data.attendance[principal] = { represented_by: holder };
    return this;
  }

  colleges(colleges: College[]): this {
    this.data.colleges = colleges;
    return this;
  }

  secondConvocation(): this {
    this.data.session.failed_convocation = { convened_on: "2024-02-20", date: "2024-03-01" };
    return this;
  }

  vote(vote: VoteRecord, extra: Partial<Motion> = {}): this {
    const number = `2024-${String(this.data.motions.length + 1).padStart(2, "0")}`;
    this.data.motions.push({ number, title: `Objet ${number}`, decisions: [{ verb: "DECIDE", articles: ["De décider."] }], vote, ...extra });
    return this;
  }

  /** Any other change, on the session data itself. */
  with(change: (data: Session) => void): this {
    change(this.data);
    return this;
  }

  /** The sitting's date (and a convocation a week before). */
  on(date: string): this {
    this.data.session.date = date;
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 7);
    this.data.session.convened_on = d.toISOString().slice(0, 10);
    return this;
  }

  kind(kind: Session["body"]["kind"]): this {
    this.data.body.kind = kind;
    return this;
  }

  build(): Session {
    return structuredClone(this.data);
  }
}

export function session(): SessionBuilder {
  return new SessionBuilder();
}
