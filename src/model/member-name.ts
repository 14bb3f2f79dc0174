import type { Member } from "./session.js";

/** « M. Charles BAREGE »: civility, first name and last name, as a clerk names a member. */
export function memberName(member: Pick<Member, "civility" | "first_name" | "last_name">): string {
  return `${member.civility} ${member.first_name} ${member.last_name}`;
}
