// Every diagnostic code delib can produce, in one table: its severity, what it means, and the one
// file that produces it. test/diagnostics/codes.test.ts keeps the table true: each code written in
// src/ is here, each is produced by exactly the file named, each has an invalid fixture (or, when
// no single session file can show it, the test named in `testedBy`), and the README's list of code
// ranges is `codeRanges`, word for word.
import type { Severity } from "./diagnostic.js";

/** One diagnostic code. */
export interface DiagnosticCode {
  readonly code: `DLB${number}`;
  /** The severity it is produced with ("error" unless the producer says "warning"). */
  readonly severity: Severity;
  /** What it means, in one plain line. */
  readonly meaning: string;
  /** The one file that produces it, relative to src/. */
  readonly producer: string;
  /**
   * For a code that no single session file can show (it needs the file system, a configuration,
   * several files, a browser, git or templates): the test file, relative to the repository's
   * root, that produces it. Every other code has an invalid fixture under test/fixtures/invalid/.
   */
  readonly testedBy?: string;
  /**
   * An irregular fact of the sitting, rather than a mistake in the file: an error in a sitting
   * being prepared, a finding (a warning) in a transcribed record, listed by `delib audit`.
   */
  readonly irregularity?: true;
}

/** A range of codes, by prefix: a code belongs to the range with the longest prefix it starts with. */
export interface CodeRange {
  /** "DLB1", "DLB37". */
  readonly prefix: string;
  /** What the codes of the range are about, as the README lists it. */
  readonly description: string;
}

/** The ranges, in the order the README lists them. */
export const codeRanges: readonly CodeRange[] = [
  { prefix: "DLB1", description: "files and YAML syntax" },
  { prefix: "DLB2", description: "schema" },
  { prefix: "DLB3", description: "legal and consistency rules of a sitting" },
  { prefix: "DLB37", description: "checks across the sittings of a register" },
  { prefix: "DLB4", description: "environment (no browser, cannot write, no git history)" },
  { prefix: "DLB5", description: "templates and configuration" },
  { prefix: "DLB6", description: "open data (SCDL), the published site and @CTES transmission" },
];

const REGISTER_CHECKS = "test/repository/register-checks.test.ts";
const SCDL = "test/export/scdl.test.ts";
const TEMPLATES = "test/render/templates.test.ts";
const OUTSIDE_THE_FILE = "test/check/problems-outside-the-file.test.ts";
const SCDL_LAST_LINE = "test/export/scdl-last-line.test.ts";

/** Every code, in order. */
export const diagnosticCodes: readonly DiagnosticCode[] = [
  // DLB1xxx: files and YAML syntax
  { code: "DLB1001", severity: "error", meaning: "a session file cannot be read", producer: "source/load-source.ts", testedBy: "test/cli/cli.test.ts" },
  { code: "DLB1002", severity: "error", meaning: "a YAML syntax error with no more specific code (text after a closing quote, an escape YAML does not know, a missing `:` or `,`)", producer: "source/parse-yaml.ts" },
  { code: "DLB1003", severity: "error", meaning: "a key appears twice in the same block", producer: "source/parse-yaml.ts" },
  { code: "DLB1004", severity: "error", meaning: "a tab is used to indent", producer: "source/parse-yaml.ts" },
  { code: "DLB1005", severity: "error", meaning: "a line is not lined up with the lines of its block", producer: "source/parse-yaml.ts" },
  { code: "DLB1006", severity: "error", meaning: "the file holds a second YAML document after `---`", producer: "source/parse-yaml.ts" },
  { code: "DLB1007", severity: "error", meaning: "a value starting with `!` is read as a YAML tag, and its text would be lost", producer: "source/parse-yaml.ts" },
  { code: "DLB1008", severity: "error", meaning: "a quote or bracket is never closed", producer: "source/parse-yaml.ts" },
  { code: "DLB1009", severity: "warning", meaning: "a YAML warning with no more specific code (an unknown %directive)", producer: "source/parse-yaml.ts" },
  { code: "DLB1010", severity: "error", meaning: "unquoted text contains « : », which YAML reads as the start of a new field", producer: "source/parse-yaml.ts" },
  { code: "DLB1011", severity: "error", meaning: "a value starting with `*` or `&` refers to no anchor, or aliases repeat the file too many times", producer: "source/parse-yaml.ts" },
  { code: "DLB1012", severity: "error", meaning: "a value starts with a character YAML reserves, outside quotes", producer: "source/parse-yaml.ts" },
  { code: "DLB1013", severity: "error", meaning: "a pattern given on the command line matches no file", producer: "source/expand-paths.ts", testedBy: "test/cli/validate-many.test.ts" },
  { code: "DLB1014", severity: "error", meaning: "a file is not UTF-8 text (saved in Windows-1252 « ANSI », UTF-16 or another encoding): refused, never converted", producer: "source/load-source.ts", testedBy: "test/source/load-source.test.ts" },
  { code: "DLB1020", severity: "error", meaning: "a session file is larger than the size limit (10 MB unless `limits.file_size_mb` says otherwise): refused before it is read", producer: "source/limits.ts", testedBy: "test/source/limits.test.ts" },
  { code: "DLB1021", severity: "error", meaning: "lists and blocks are nested deeper than the limit (32 levels unless `limits.nesting_depth` says otherwise)", producer: "source/limits.ts" },
  { code: "DLB1022", severity: "error", meaning: "a session file has more motions than the limit (2000 unless `limits.motions` says otherwise)", producer: "source/limits.ts", testedBy: "test/source/limits.test.ts" },
  { code: "DLB1023", severity: "error", meaning: "a session file has more members than the limit (1000 unless `limits.members` says otherwise)", producer: "source/limits.ts", testedBy: "test/source/limits.test.ts" },
  { code: "DLB1024", severity: "error", meaning: "one text is longer than the limit (200000 characters unless `limits.text_length` says otherwise)", producer: "source/limits.ts", testedBy: "test/source/limits.test.ts" },
  { code: "DLB1025", severity: "error", meaning: "a list or block other than `motions` and `members` has more entries than the larger of their limits", producer: "source/limits.ts", testedBy: "test/source/limits.test.ts" },

  // DLB2xxx: schema
  { code: "DLB2001", severity: "error", meaning: "a required field is missing", producer: "validate/validate-schema.ts" },
  { code: "DLB2002", severity: "error", meaning: "a field is not known here (with the closest known field)", producer: "validate/validate-schema.ts" },
  { code: "DLB2003", severity: "error", meaning: "a value is of the wrong type or form, or the file is empty", producer: "validate/validate-schema.ts" },
  { code: "DLB2004", severity: "error", meaning: "a value is not one of those allowed", producer: "validate/validate-schema.ts" },
  { code: "DLB2005", severity: "error", meaning: "a value is not written in the expected form (a date, an identifier, a pattern)", producer: "validate/validate-schema.ts" },
  { code: "DLB2006", severity: "error", meaning: "a value, text or list is smaller than allowed", producer: "validate/validate-schema.ts" },
  { code: "DLB2009", severity: "error", meaning: "any other schema error (too many items, too few properties), in the schema validator's words", producer: "validate/validate-schema.ts" },

  // DLB30xx: legal and consistency rules (DLB3008 and DLB3015, across the files checked together, keep their first numbers)
  { code: "DLB3001", severity: "error", meaning: "two members have the same id", producer: "validate/rules/member-ids-are-unique.ts" },
  { code: "DLB3002", severity: "error", meaning: "an id or motion number refers to nothing in the file", producer: "validate/rules/references-are-known.ts" },
  { code: "DLB3003", severity: "error", meaning: "a member has no attendance status", producer: "validate/rules/every-member-has-attendance.ts" },
  { code: "DLB3004", severity: "error", meaning: "a member holds no seat in any college", producer: "validate/rules/every-member-holds-a-seat.ts" },
  { code: "DLB3005", severity: "error", meaning: "a member holds two seats in the same college", producer: "validate/rules/every-member-holds-a-seat.ts" },
  { code: "DLB3006", severity: "error", meaning: "a proxy is given to a member who is not present", producer: "validate/rules/proxies-are-regular.ts", irregularity: true },
  { code: "DLB3007", severity: "error", meaning: "a member is recorded as holding their own proxy", producer: "validate/rules/proxies-name-another-member.ts" },
  { code: "DLB3008", severity: "error", meaning: "a deliberation number is used twice in a register (case aside, and by value under its pattern), or in the files of one body checked together", producer: "validate/set-rules/numbers-are-unique.ts" },
  { code: "DLB3009", severity: "error", meaning: "a motion's vote records no count, or is recorded both as unanimous and otherwise", producer: "validate/rules/vote-is-recorded.ts" },
  { code: "DLB3010", severity: "error", meaning: "a vote counts more voices than can be cast, or is unanimous with no voter", producer: "validate/rules/votes-add-up-to-voters.ts", irregularity: true },
  { code: "DLB3011", severity: "error", meaning: "a figure printed for the sitting (`declared`, or its former name `declared_totals`) is not delib's figure for it", producer: "validate/rules/declared-figures-match.ts", irregularity: true },
  { code: "DLB3012", severity: "error", meaning: "two dates of the sitting are in the wrong order", producer: "validate/rules/dates-are-in-order.ts" },
  { code: "DLB3013", severity: "error", meaning: "the president, a secretary or a motion's chair is not present", producer: "validate/rules/officers-are-present.ts" },
  { code: "DLB3014", severity: "error", meaning: "the sitting has no place and is not by videoconference", producer: "validate/rules/place-is-given.ts" },
  { code: "DLB3015", severity: "error", meaning: "a deliberation number is the file name of a procès-verbal or a list of deliberations of the sittings checked together", producer: "validate/set-rules/numbers-are-not-document-names.ts", testedBy: OUTSIDE_THE_FILE },
  { code: "DLB3016", severity: "error", meaning: "a motion whose quorum was met has no vote recorded", producer: "validate/rules/vote-is-needed.ts" },
  { code: "DLB3017", severity: "warning", meaning: "an item was added to the agenda during the sitting (CGCT L2121-10)", producer: "validate/rules/items-are-on-the-agenda.ts", irregularity: true },
  { code: "DLB3018", severity: "error", meaning: "a figure printed for a motion (`declared`) is not delib's figure for it", producer: "validate/rules/declared-figures-match.ts", irregularity: true },
  { code: "DLB3019", severity: "error", meaning: "files of different bodies or registers built into one folder would write two documents under one name", producer: "documents.ts", testedBy: OUTSIDE_THE_FILE },
  { code: "DLB3020", severity: "error", meaning: "a member holds more proxies than the law allows", producer: "validate/rules/proxies-are-regular.ts", irregularity: true },
  { code: "DLB3021", severity: "error", meaning: "a vote is recorded for a member who cannot vote on that motion", producer: "validate/rules/votes-agree-with-attendance.ts", irregularity: true },
  { code: "DLB3022", severity: "error", meaning: "a vote's counts disagree with the members' recorded votes", producer: "validate/rules/votes-agree-with-attendance.ts", irregularity: true },
  { code: "DLB3023", severity: "error", meaning: "a vote recorded as counts accounts for fewer votes than could be cast, and the file does not say who did not vote", producer: "validate/rules/votes-add-up-to-voters.ts", irregularity: true },
  { code: "DLB3024", severity: "error", meaning: "a tied vote where the chair's casting vote decides, but the chair's vote is not recorded", producer: "validate/rules/votes-agree-with-attendance.ts" },
  { code: "DLB3025", severity: "error", meaning: "blank or null ballots outside a secret ballot, or names recorded in a secret ballot", producer: "validate/rules/vote-is-recorded.ts" },
  { code: "DLB3026", severity: "warning", meaning: "a member who could vote has no recorded vote and is counted as not voting", producer: "validate/rules/votes-agree-with-attendance.ts" },
  { code: "DLB3027", severity: "warning", meaning: "a tied vote where the chair abstained or did not vote: the motion is not adopted", producer: "validate/rules/votes-agree-with-attendance.ts" },
  { code: "DLB3028", severity: "error", meaning: "a public ballot (CGCT L2121-21) is recorded as counts, without the voters' names", producer: "validate/rules/public-ballot-names-the-voters.ts", irregularity: true },
  { code: "DLB3029", severity: "error", meaning: "a vote or election rounds are recorded on a motion whose quorum was not met: they are not counted", producer: "validate/rules/vote-is-needed.ts", irregularity: true },
  { code: "DLB3030", severity: "error", meaning: "an arrival, departure, proxy or resignation contradicts the member's state at that moment", producer: "validate/rules/attendance-changes-are-consistent.ts" },
  { code: "DLB3031", severity: "warning", meaning: "figures declared for a motion delib counted no vote for (a motion without quorum, or an election not held) are not compared", producer: "validate/rules/declared-figures-match.ts" },
  { code: "DLB3032", severity: "error", meaning: "members are taken out of office for a motion in a body whose law has no such rule", producer: "validate/rules/exclusions-apply-to-this-body.ts" },
  { code: "DLB3033", severity: "warning", meaning: "a second convocation leaves too few clear days to deliberate without quorum", producer: "validate/rules/second-convocation-is-regular.ts", irregularity: true },
  { code: "DLB3035", severity: "warning", meaning: "a meeting of right is not held three days after the sitting without quorum", producer: "validate/rules/second-convocation-is-regular.ts", irregularity: true },
  { code: "DLB3036", severity: "error", meaning: "the compte administratif is chaired by the executive instead of a president elected for it", producer: "validate/rules/compte-administratif-is-regular.ts", irregularity: true },
  { code: "DLB3037", severity: "error", meaning: "the executive gives a proxy for, or stays at, the vote on their own compte administratif", producer: "validate/rules/compte-administratif-is-regular.ts", irregularity: true },
  { code: "DLB3038", severity: "warning", meaning: "the proxies the executive holds are not used for the compte administratif", producer: "validate/rules/compte-administratif-is-regular.ts" },
  { code: "DLB3040", severity: "error", meaning: "an election is recorded as a vote, or election rounds are recorded for a motion that is not an election", producer: "validate/rules/vote-is-recorded.ts" },
  { code: "DLB3041", severity: "error", meaning: "a member is replaced by someone who is not their suppléant", producer: "validate/rules/suppleants-are-regular.ts" },
  { code: "DLB3042", severity: "error", meaning: "a suppléant sits in a body that has none", producer: "validate/rules/suppleants-are-regular.ts" },
  { code: "DLB3043", severity: "error", meaning: "a suppléant also holds a seat", producer: "validate/rules/suppleants-are-regular.ts" },
  { code: "DLB3044", severity: "error", meaning: "an election round follows a round that already elected someone", producer: "validate/rules/election-is-regular.ts", irregularity: true },
  { code: "DLB3045", severity: "error", meaning: "an election round counts more ballots than members who could vote", producer: "validate/rules/election-is-regular.ts", irregularity: true },
  { code: "DLB3046", severity: "error", meaning: "a tie decided by age (the eldest, or the list of the highest average age) when a birth date it needs is missing", producer: "validate/rules/election-is-regular.ts" },
  { code: "DLB3050", severity: "warning", meaning: "the convocation was sent too late before the sitting", producer: "validate/rules/convocation-delay-is-respected.ts", irregularity: true },
  { code: "DLB3060", severity: "error", meaning: "a motion's matière is not in the @CTES classification", producer: "validate/rules/matiere-is-known.ts" },
  { code: "DLB3061", severity: "warning", meaning: "a deliberation number cannot be télétransmis as is in ACTES", producer: "validate/rules/number-suits-actes.ts" },
  { code: "DLB3070", severity: "warning", meaning: "a public or secret ballot is held without enough members asking for it", producer: "validate/rules/ballot-is-regular.ts", irregularity: true },
  { code: "DLB3071", severity: "warning", meaning: "a nomination is not made by secret ballot", producer: "validate/rules/ballot-is-regular.ts", irregularity: true },
  { code: "DLB3072", severity: "error", meaning: "a vote names a college the assembly does not have", producer: "validate/rules/voting-colleges-exist.ts" },
  { code: "DLB3080", severity: "error", meaning: "a member out of office on the sitting's date (resigned, deceased, not yet installed) still has an attendance line", producer: "validate/rules/only-members-in-office-sit.ts", irregularity: true },
  { code: "DLB3082", severity: "error", meaning: "`replaced_by` names the member themself, or both are in office on the date", producer: "validate/rules/replacements-take-the-seat.ts" },
  { code: "DLB3083", severity: "error", meaning: "fewer members in office are listed than the seats less the vacant ones: the missing are counted absent", producer: "validate/rules/seats-are-accounted-for.ts", irregularity: true },
  { code: "DLB3084", severity: "error", meaning: "members in office and vacant seats exceed the assembly's seats", producer: "validate/rules/seats-are-accounted-for.ts" },
  { code: "DLB3090", severity: "error", meaning: "an item without a vote is placed before or after a number that is not a deliberation of the sitting", producer: "validate/rules/unvoted-items-are-placed.ts" },
  { code: "DLB3091", severity: "error", meaning: "an item without a vote is placed both before and after a deliberation", producer: "validate/rules/unvoted-items-are-placed.ts" },
  { code: "DLB3095", severity: "error", meaning: "a text of the sitting holds a Markdown image, which delib never prints", producer: "validate/rules/texts-hold-no-images.ts" },
  { code: "DLB3100", severity: "error", meaning: "an election's kind is not held by this kind of body", producer: "validate/rules/election-rule-applies.ts" },
  { code: "DLB3101", severity: "error", meaning: "an election's rule depends on the commune's population, which the file does not give", producer: "validate/rules/election-rule-applies.ts" },
  { code: "DLB3102", severity: "error", meaning: "no rule of an election's kind is in force on the sitting's date for the body's population", producer: "validate/rules/election-rule-applies.ts" },
  { code: "DLB3103", severity: "error", meaning: "a candidate or an assessor of an election is neither a member nor a person of its `people`", producer: "validate/rules/election-ids-are-known.ts" },
  { code: "DLB3104", severity: "error", meaning: "a round of an election gives votes to a list that is not in its `lists`", producer: "validate/rules/election-ids-are-known.ts" },
  { code: "DLB3105", severity: "error", meaning: "a person of an election's `people` has a member's id, or is given twice", producer: "validate/rules/election-ids-are-known.ts" },
  { code: "DLB3106", severity: "error", meaning: "an election gives votes per candidate for a list ballot, or per list for a ballot on names", producer: "validate/rules/election-shape-fits-the-kind.ts" },
  { code: "DLB3107", severity: "error", meaning: "an election's `seats` differs from the seats its law fixes, or is missing for a list ballot", producer: "validate/rules/election-rule-applies.ts" },
  { code: "DLB3108", severity: "error", meaning: "an election records more rounds than its law provides", producer: "validate/rules/election-is-regular.ts", irregularity: true },
  { code: "DLB3109", severity: "error", meaning: "a round electing several on one ballot does not give the number of votants", producer: "validate/rules/election-figures-add-up.ts" },
  { code: "DLB3110", severity: "error", meaning: "a round's votants do not add up to its votes, blank and null ballots", producer: "validate/rules/election-figures-add-up.ts" },
  { code: "DLB3111", severity: "error", meaning: "a list of an election breaks the parity its law sets", producer: "validate/rules/election-lists-are-regular.ts", irregularity: true },
  { code: "DLB3112", severity: "error", meaning: "a list of an election holds more names than there are seats to fill", producer: "validate/rules/election-lists-are-regular.ts", irregularity: true },
  { code: "DLB3113", severity: "error", meaning: "an election the law holds by secret ballot only is recorded by another ballot", producer: "validate/rules/election-ballot-is-secret.ts", irregularity: true },
  { code: "DLB3114", severity: "error", meaning: "an election does not give the suppléants its kind elects", producer: "validate/rules/election-shape-fits-the-kind.ts" },
  { code: "DLB3115", severity: "warning", meaning: "an election gives suppléants its kind does not elect that way: they are not counted", producer: "validate/rules/election-shape-fits-the-kind.ts" },
  { code: "DLB3116", severity: "warning", meaning: "a list takes more seats than it names suppléants", producer: "validate/rules/election-lists-are-regular.ts" },
  { code: "DLB3117", severity: "error", meaning: "the same person is twice on an election's lists (twice on one list, on two lists, or titulaire and suppléant)", producer: "validate/rules/election-candidates-hold-one-seat.ts", irregularity: true },
  { code: "DLB3118", severity: "error", meaning: "a titulaire elected is given votes in the suppléants' own ballot: the count skips them", producer: "validate/rules/election-candidates-hold-one-seat.ts", irregularity: true },
  { code: "DLB3119", severity: "error", meaning: "two lists of an election have the same id", producer: "validate/rules/election-ids-are-known.ts" },
  { code: "DLB3120", severity: "error", meaning: "a candidate who is not a member (`people`) in an election the law holds among the members", producer: "validate/rules/election-candidates-are-members.ts", irregularity: true },
  { code: "DLB3121", severity: "error", meaning: "an election round's votants and present not taking part exceed the voices present", producer: "validate/rules/election-figures-add-up.ts", irregularity: true },
  { code: "DLB3122", severity: "error", meaning: "the names of a round electing several add up to more than the seats times the suffrages exprimés", producer: "validate/rules/election-figures-add-up.ts", irregularity: true },
  { code: "DLB3123", severity: "error", meaning: "the election of the maire is not chaired by the eldest member present, as the birth dates show", producer: "validate/rules/election-chair-is-the-eldest.ts", irregularity: true },
  { code: "DLB3124", severity: "error", meaning: "an election fills more or fewer seats than the law gives a council of this size (délégués sénatoriaux, Code électoral L284)", producer: "validate/rules/election-rule-applies.ts", irregularity: true },
  { code: "DLB3130", severity: "error", meaning: "`unknown` or `non mentionné` is written in a sitting being prepared: only a transcribed record may leave a fact unknown", producer: "validate/rules/unknown-facts-are-transcribed.ts" },
  { code: "DLB3131", severity: "warning", meaning: "a transcribed record does not name a proxy's holder: whether they were present and within the limit cannot be checked; the figures that depend on it are marked", producer: "validate/rules/unknown-facts-leave-checks-undone.ts" },
  { code: "DLB3132", severity: "warning", meaning: "a transcribed record does not say which titulaire a suppléant replaced: the absent and excused figures depend on it and are marked", producer: "validate/rules/unknown-facts-leave-checks-undone.ts" },
  { code: "DLB3133", severity: "warning", meaning: "a transcribed record does not name the suppléant who sat for a titulaire: whether it was their own cannot be checked", producer: "validate/rules/unknown-facts-leave-checks-undone.ts" },
  { code: "DLB3134", severity: "warning", meaning: "a transcribed record does not give the convocation's date: the convocation delay cannot be checked", producer: "validate/rules/unknown-facts-leave-checks-undone.ts" },

  // DLB37xx: checks across the sittings of a register, and the register's own command
  { code: "DLB3702", severity: "error", meaning: "a deliberation number does not follow the register's numbering pattern", producer: "validate/set-rules/numbers-follow-the-pattern.ts", testedBy: REGISTER_CHECKS },
  { code: "DLB3703", severity: "error", meaning: "the numbers of a year skip a number", producer: "validate/set-rules/numbers-have-no-gaps.ts", testedBy: REGISTER_CHECKS },
  { code: "DLB3704", severity: "error", meaning: "the numbers of a year do not follow the order of the sittings", producer: "validate/set-rules/numbers-follow-the-dates.ts", testedBy: REGISTER_CHECKS },
  { code: "DLB3705", severity: "warning", meaning: "a proxy runs for a fourth consecutive sitting", producer: "validate/set-rules/proxies-last-their-sittings.ts", testedBy: REGISTER_CHECKS, irregularity: true },
  { code: "DLB3706", severity: "error", meaning: "a listed member is not in office on the sitting's date, per the roster", producer: "validate/set-rules/members-are-those-in-office.ts", testedBy: REGISTER_CHECKS },
  { code: "DLB3707", severity: "error", meaning: "a member in office on the sitting's date, per the roster, is not listed", producer: "validate/set-rules/members-are-those-in-office.ts", testedBy: REGISTER_CHECKS },
  { code: "DLB3708", severity: "error", meaning: "the body's name differs from the one in delib.config.yaml", producer: "validate/set-rules/body-is-the-registers.ts", testedBy: REGISTER_CHECKS },
  { code: "DLB3709", severity: "error", meaning: "`register --year` finds no sitting of that year", producer: "cli/register-command.ts", testedBy: "test/register/register.test.ts" },
  { code: "DLB3720", severity: "error", meaning: "a deliberation withdraws, replaces or corrects an act not found in the register (or in its file, outside one), or not of the date written", producer: "validate/set-rules/links-point-to-earlier-acts.ts", testedBy: "test/repository/act-links.test.ts" },
  { code: "DLB3721", severity: "error", meaning: "a deliberation withdraws, replaces or corrects an act that is not earlier than itself", producer: "validate/set-rules/links-point-to-earlier-acts.ts", testedBy: "test/repository/act-links.test.ts" },

  // DLB4xxx: environment and git history
  { code: "DLB4001", severity: "error", meaning: "no Chromium, Chrome or Edge found to print a PDF", producer: "browser/find-chromium.ts", testedBy: "test/browser/find-chromium.test.ts" },
  { code: "DLB4002", severity: "error", meaning: "the browser was found but would not start", producer: "browser/browser.ts", testedBy: "test/browser/browser.test.ts" },
  { code: "DLB4003", severity: "error", meaning: "an output file or folder cannot be written", producer: "output/write-outputs.ts", testedBy: "test/cli/cli.test.ts" },
  { code: "DLB4004", severity: "error", meaning: "the browser started but did not answer in time (`--browser-timeout`)", producer: "browser/browser-failures.ts", testedBy: "test/cli/broken-browser.test.ts" },
  { code: "DLB4005", severity: "error", meaning: "the browser wrote something other than the DevTools protocol on its pipe", producer: "browser/browser-failures.ts", testedBy: "test/cli/broken-browser.test.ts" },
  { code: "DLB4006", severity: "error", meaning: "the browser stopped while printing", producer: "browser/browser-failures.ts", testedBy: "test/cli/broken-browser.test.ts" },
  { code: "DLB4007", severity: "error", meaning: "a document took longer than DELIB_PRINT_TIMEOUT to print", producer: "browser/browser-failures.ts", testedBy: "test/cli/broken-browser.test.ts" },
  { code: "DLB4008", severity: "error", meaning: "the browser's profile cannot be made in the temporary folder", producer: "browser/browser-failures.ts", testedBy: "test/cli/broken-browser.test.ts" },
  { code: "DLB4010", severity: "error", meaning: "`verify` is run outside a git repository", producer: "cli/verify-command.ts", testedBy: "test/provenance/verify.test.ts" },
  { code: "DLB4011", severity: "warning", meaning: "`verify` runs in a shallow clone, whose history may be incomplete", producer: "cli/verify-command.ts", testedBy: "test/provenance/verify.test.ts" },
  { code: "DLB4012", severity: "error", meaning: "the PDF given to `verify` carries no record of its source", producer: "provenance/verify.ts", testedBy: OUTSIDE_THE_FILE },
  { code: "DLB4013", severity: "error", meaning: "no session file at HEAD holds the deliberation given to `verify`", producer: "cli/verify-command.ts", testedBy: OUTSIDE_THE_FILE },
  { code: "DLB4014", severity: "error", meaning: "the PDF given to `verify` was changed after printing: its seal no longer matches its bytes", producer: "provenance/verify.ts", testedBy: "test/provenance/verify.test.ts" },
  { code: "DLB4015", severity: "error", meaning: "the PDF given to `verify` carries no seal, so its own content cannot be checked", producer: "provenance/verify.ts", testedBy: "test/provenance/verify.test.ts" },
  { code: "DLB4016", severity: "error", meaning: "the source committed at HEAD no longer gives the document `verify` was given", producer: "provenance/verify.ts", testedBy: "test/provenance/verify.test.ts" },
  { code: "DLB4017", severity: "error", meaning: "changes not committed in the working folder differ from the document `verify` was given", producer: "provenance/verify.ts", testedBy: "test/provenance/verify.test.ts" },
  { code: "DLB4018", severity: "error", meaning: "the source recorded in the PDF given to `verify` is nowhere in the repository", producer: "provenance/verify.ts", testedBy: "test/provenance/verify.test.ts" },
  { code: "DLB4019", severity: "warning", meaning: "the PDF given to `verify` was printed from a version of its source that its recorded commit does not hold", producer: "provenance/verify.ts", testedBy: "test/provenance/verify.test.ts" },
  { code: "DLB4020", severity: "error", meaning: "an earlier write to the output folder, interrupted, cannot be finished", producer: "output/transaction.ts", testedBy: "test/output/transaction.test.ts" },
  { code: "DLB4021", severity: "error", meaning: "a folder on the way to an output file is a symbolic link delib did not create", producer: "output/write-outputs.ts", testedBy: "test/output/transaction.test.ts" },
  { code: "DLB4022", severity: "error", meaning: "writing the output files was interrupted by a signal; nothing was written", producer: "output/write-outputs.ts", testedBy: "test/output/transaction.test.ts" },
  { code: "DLB4030", severity: "error", meaning: "SOURCE_DATE_EPOCH is set to what is not a date a PDF can carry (whole seconds since 1970, up to the year 9999)", producer: "output/document-date.ts", testedBy: "test/cli/source-date-epoch.test.ts" },
  { code: "DLB4060", severity: "error", meaning: "`sign` cannot open the PKCS#12 file: wrong password, damaged file, or no RSA key with its certificate", producer: "provenance/sign-pdf.ts", testedBy: "test/sign/sign.test.ts" },
  { code: "DLB4061", severity: "error", meaning: "`sign` has no password for the PKCS#12 file: DELIB_P12_PASSWORD is not set and there is no terminal to ask on", producer: "cli/sign-command.ts", testedBy: "test/sign/sign.test.ts" },
  { code: "DLB4062", severity: "error", meaning: "the certificate `sign` would use has expired or is not valid yet", producer: "provenance/sign-pdf.ts", testedBy: "test/sign/sign.test.ts" },
  { code: "DLB4063", severity: "error", meaning: "the PDF given to `sign` carries no seal of delib's (without `--force`)", producer: "provenance/sign-pdf.ts", testedBy: "test/sign/sign.test.ts" },
  { code: "DLB4064", severity: "error", meaning: "the PDF given to `sign` was changed after printing or after a signature (without `--force`)", producer: "provenance/sign-pdf.ts", testedBy: "test/sign/sign.test.ts" },
  { code: "DLB4065", severity: "error", meaning: "the secrétaire de séance would sign the procès-verbal before the président de séance", producer: "provenance/sign-pdf.ts", testedBy: "test/sign/sign.test.ts" },
  { code: "DLB4066", severity: "error", meaning: "the procès-verbal already carries the signature `sign` would add (the président's, or both)", producer: "provenance/sign-pdf.ts", testedBy: "test/sign/sign.test.ts" },
  { code: "DLB4067", severity: "error", meaning: "the file given to `sign` is not a PDF delib can add a signature to", producer: "provenance/sign-pdf.ts", testedBy: "test/sign/sign.test.ts" },
  { code: "DLB4068", severity: "error", meaning: "`sign --as` names a role for a document that is not a procès-verbal", producer: "provenance/sign-pdf.ts", testedBy: "test/sign/sign.test.ts" },
  { code: "DLB4070", severity: "error", meaning: "a signature of the PDF given to `verify` does not hold: the bytes it signs were changed", producer: "provenance/verify.ts", testedBy: "test/sign/verify-signed.test.ts" },
  { code: "DLB4071", severity: "error", meaning: "the PDF given to `verify` was changed after its last signature", producer: "provenance/verify.ts", testedBy: "test/sign/verify-signed.test.ts" },

  // DLB5xxx: templates and configuration
  { code: "DLB5001", severity: "error", meaning: "a template cannot be compiled or rendered", producer: "render/templates.ts", testedBy: TEMPLATES },
  { code: "DLB5002", severity: "error", meaning: "a template uses a field the document data does not have", producer: "render/templates.ts", testedBy: TEMPLATES },
  { code: "DLB5003", severity: "error", meaning: "a stylesheet refers to a file that cannot be read", producer: "render/templates.ts", testedBy: OUTSIDE_THE_FILE },
  { code: "DLB5004", severity: "error", meaning: "the templates folder given does not exist", producer: "documents.ts", testedBy: OUTSIDE_THE_FILE },
  { code: "DLB5005", severity: "error", meaning: "an image listed under `assets:` cannot be read", producer: "documents.ts", testedBy: TEMPLATES },
  { code: "DLB5010", severity: "error", meaning: "`init` would write over files that already exist", producer: "cli/init-command.ts", testedBy: "test/cli/init.test.ts" },

  // DLB6xxx: open data (SCDL), the published site and @CTES transmission
  { code: "DLB6001", severity: "error", meaning: "the export finds no delib.config.yaml, no `body` in it, or no body name", producer: "export/scdl.ts", testedBy: SCDL },
  { code: "DLB6002", severity: "error", meaning: "the body's SIRET is missing or not 14 digits", producer: "export/scdl.ts", testedBy: SCDL },
  { code: "DLB6004", severity: "error", meaning: "an exported deliberation has no matière", producer: "export/scdl.ts", testedBy: SCDL },
  { code: "DLB6005", severity: "error", meaning: "an exported deliberation's matière is not a level-2 code of the @CTES classification", producer: "export/scdl.ts", testedBy: SCDL },
  { code: "DLB6006", severity: "error", meaning: "an exported deliberation's budget year or name is malformed or given alone", producer: "export/scdl.ts", testedBy: SCDL },
  { code: "DLB6007", severity: "error", meaning: "a transmission date to the préfecture is missing or before the sitting", producer: "export/scdl.ts", testedBy: SCDL },
  { code: "DLB6008", severity: "error", meaning: "a transmitted act's préfecture cannot be named: no or a malformed département", producer: "export/scdl.ts", testedBy: SCDL },
  { code: "DLB6009", severity: "error", meaning: "an exported vote column is not a count, or the counts do not add up", producer: "export/scdl.ts", testedBy: SCDL_LAST_LINE },
  { code: "DLB6010", severity: "error", meaning: "an exported number, date or title is empty or not in the form the open-data schema requires", producer: "export/scdl.ts", testedBy: SCDL_LAST_LINE },
  { code: "DLB6020", severity: "warning", meaning: "`publish` writes the site without its open-data file: the register does not give what the SCDL table needs", producer: "publish/build-site.ts", testedBy: "test/publish/publish-problems.test.ts" },
  { code: "DLB6021", severity: "warning", meaning: "`publish` finds acts with no « mis en ligne » date: not committed to git and no `publication.online_on`", producer: "publish/build-site.ts", testedBy: "test/publish/publish-problems.test.ts" },
  { code: "DLB6022", severity: "warning", meaning: "`publish` finds no `site.base_url`: the open-data file's DELIB_URL stays empty and the feed's links are relative", producer: "publish/build-site.ts", testedBy: "test/publish/publish-problems.test.ts" },
  { code: "DLB6030", severity: "error", meaning: "`actes` finds no delib.config.yaml, or no `actes:` block in it", producer: "actes/actes-settings.ts", testedBy: "test/actes/actes-command.test.ts" },
  { code: "DLB6031", severity: "error", meaning: "`actes` finds neither a SIREN nor a SIRET for the body", producer: "actes/actes-settings.ts", testedBy: "test/actes/actes-command.test.ts" },
  { code: "DLB6032", severity: "error", meaning: "`actes` finds no département for the body", producer: "actes/actes-settings.ts", testedBy: "test/actes/actes-command.test.ts" },
  { code: "DLB6033", severity: "error", meaning: "a deliberation to transmit has no matière", producer: "actes/actes-packages.ts", testedBy: "test/actes/actes-command.test.ts" },
  { code: "DLB6034", severity: "error", meaning: "a deliberation to transmit has a number that cannot be an ACTES NumeroInterne", producer: "actes/actes-packages.ts", testedBy: "test/actes/actes-command.test.ts" },
  { code: "DLB6035", severity: "error", meaning: "two deliberations of a sitting would be transmitted under the same ACTES number", producer: "actes/actes-packages.ts", testedBy: "test/actes/actes-command.test.ts" },
  { code: "DLB6036", severity: "error", meaning: "a deliberation's title is longer than the subject @CTES takes", producer: "actes/actes-packages.ts", testedBy: "test/actes/actes-command.test.ts" },
  { code: "DLB6037", severity: "error", meaning: "the deliberation asked for was not deliberated (no quorum): there is no act to transmit", producer: "actes/actes-packages.ts", testedBy: "test/actes/actes-command.test.ts" },
  { code: "DLB6038", severity: "error", meaning: "a transmission package would be larger than a tiers de télétransmission takes", producer: "actes/actes-packages.ts", testedBy: "test/actes/actes-packages.test.ts" },
  { code: "DLB6039", severity: "warning", meaning: "a deliberation packaged for @CTES was already acknowledged by the préfecture: its ACTES number is taken", producer: "actes/actes-packages.ts", testedBy: "test/actes/actes-command.test.ts" },
];
