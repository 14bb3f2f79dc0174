// What commander says, in the reader's language. Commander writes its help and its errors in
// English, from words of its own: the help's titles and syntax words are replaced through
// `configureHelp` (inherited by every subcommand created after it), and its errors, caught by
// their code once `main` has silenced them, become delib's own messages.
import { Help, type Argument, type Command, type CommanderError, type Option } from "commander";
import { listOf, msg, type Message } from "../diagnostics/message.js";
import type { Translator } from "../diagnostics/translator.js";

/** An example of the root help: the command line, and what it does. */
export interface Example {
  readonly command: string;
  readonly does: string;
}

/** Where the examples' descriptions start, as a column. */
const EXAMPLE_COLUMN = 47;

/** The text after the root help: the examples, aligned in two columns, then the exit codes. */
export function helpAfter(tr: Translator, examples: readonly Example[]): string {
  const lines = examples.map(({ command, does }) => {
    const left = `  $ ${command}`;
    return left.length < EXAMPLE_COLUMN - 1 ? `${left.padEnd(EXAMPLE_COLUMN)}${does}` : `${left}\n${" ".repeat(EXAMPLE_COLUMN)}${does}`;
  });
  return `\n${tr.t("help.title.examples")}\n${lines.join("\n")}\n\n${tr.t("help.exit_codes")}\n`;
}

/**
 * Makes `program`'s help speak `tr`'s language: titles, the `[options]` and `[command]` of the
 * usage lines, choices and defaults. Call it before the subcommands are created: they copy it.
 */
export function localizeHelp(program: Command, tr: Translator): void {
  const titles: Readonly<Record<string, string>> = {
    "Usage:": tr.t("help.title.usage"),
    "Arguments:": tr.t("help.title.arguments"),
    "Options:": tr.t("help.title.options"),
    "Global Options:": tr.t("help.title.global_options"),
    "Commands:": tr.t("help.title.commands"),
  };
  const words: Readonly<Record<string, string>> = { "[options]": tr.t("help.usage.options"), "[command]": tr.t("help.usage.command") };
  const syntax = (text: string) =>
    text
      .split(" ")
      .map((word) => words[word] ?? word)
      .join(" ");
  const described = (description: string, details: readonly string[]): string => {
    const [first, second] = details;
    if (first === undefined) return description;
    if (second === undefined) return description ? tr.t("help.details.one", { description, detail: first }) : tr.t("help.details.alone", { detail: first });
    return tr.t("help.details.two", { description, first, second });
  };
  const choices = (values: readonly string[] | undefined) => (values ? [tr.t("help.choices", { choices: values.join(", ") })] : []);
  const defaultOf = (value: unknown, description: string | undefined) =>
    value === undefined ? [] : [tr.t("help.default", { value: description ?? (typeof value === "string" ? value : JSON.stringify(value)) })];
  const base = new Help();
  program.configureHelp({
    // Each command's help also lists the options of the program (--lang, --quiet, --verbose).
    showGlobalOptions: true,
    styleTitle: (title: string) => titles[title] ?? title,
    // A no-break space (French « : », « ; », « ») holds its words together: commander's wrapping
    // breaks at any white space, this one included, unless it is hidden from it.
    boxWrap: (text: string, width: number) => base.boxWrap(text.replace(/\u00a0/g, "\ue000"), width).replace(/\ue000/g, "\u00a0"),
    commandUsage: (cmd: Command) => syntax(base.commandUsage(cmd)),
    subcommandTerm: (cmd: Command) => syntax(base.subcommandTerm(cmd)),
    // `-v` is a hidden option of its own (commander takes one short flag per option).
    optionTerm: (option: Option) => (option.long === "--version" ? `-v, ${option.flags}` : option.flags),
    optionDescription: (option: Option) => {
      // As commander: a default is shown for an option that takes a value, not for a flag.
      const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean");
      return described(option.description, [...choices(option.argChoices), ...(showDefault ? defaultOf(option.defaultValue, option.defaultValueDescription) : [])]);
    },
    argumentDescription: (argument: Argument) =>
      described(argument.description, [...choices(argument.argChoices), ...defaultOf(argument.defaultValue, argument.defaultValueDescription)]),
  });
}

/** The long flag of an option's flags ("--out" of "-o, --out <dir>"). */
function flagOf(flags: string): string {
  const parts = flags.split(/[ ,|]+/);
  return parts.find((part) => part.startsWith("--")) ?? parts[0] ?? flags;
}

/** Commander's "(Did you mean …?)", as values in backticks. */
function suggestionsIn(text: string): string[] {
  const found = /\(Did you mean (?:one of )?(.+)\?\)/.exec(text);
  return found ? found[1]!.split(", ").map((s) => `\`${s}\``) : [];
}

/**
 * Delib's message for an error commander stopped on, from its code (and the values its English
 * message names). Commander's text is kept, as a value, only for an error delib does not expect.
 */
export function commanderProblem(error: CommanderError): Message {
  const text = error.message;
  const suggestions = suggestionsIn(text);
  const suggested = suggestions.length > 0 ? { suggestions: listOf(suggestions, "disjunction") } : undefined;
  let m: RegExpExecArray | null;
  switch (error.code) {
    case "commander.unknownOption":
      if ((m = /unknown option '(.*)'/.exec(text))) {
        return suggested ? msg("cli.usage.unknown_option.suggest", { option: m[1]!, ...suggested }) : msg("cli.usage.unknown_option", { option: m[1]! });
      }
      break;
    case "commander.unknownCommand":
      if ((m = /unknown command '(.*)'/.exec(text))) {
        return suggested ? msg("cli.usage.unknown_command.suggest", { command: m[1]!, ...suggested }) : msg("cli.usage.unknown_command", { command: m[1]! });
      }
      break;
    case "commander.missingArgument":
      if ((m = /missing required argument '(.*)'/.exec(text))) return msg("cli.usage.missing_argument", { argument: m[1]! });
      break;
    case "commander.optionMissingArgument":
      if ((m = /option '(.*)' argument missing/.exec(text))) return msg("cli.usage.option_without_value", { option: flagOf(m[1]!) });
      break;
    case "commander.missingMandatoryOptionValue":
      if ((m = /required option '(.*)' not specified/.exec(text))) return msg("cli.usage.mandatory_option", { option: flagOf(m[1]!) });
      break;
    case "commander.conflictingOption":
      if ((m = /option '(.*)' cannot be used with option '(.*)'/.exec(text))) {
        return msg("cli.usage.conflicting_options", { first: flagOf(m[1]!), second: flagOf(m[2]!) });
      }
      break;
    case "commander.invalidArgument": {
      const choices = /Allowed choices are (.*)\.$/.exec(text)?.[1]?.split(", ");
      if ((m = /option '(.*?)' argument '(.*)' is invalid\./.exec(text))) {
        const option = flagOf(m[1]!);
        return choices
          ? msg("cli.usage.invalid_choice", { option, value: m[2]!, choices: listOf(choices, "disjunction") })
          : msg("cli.usage.invalid_value", { option, value: m[2]! });
      }
      if ((m = /command-argument value '(.*)' is invalid for argument '(.*?)'\./.exec(text))) {
        return choices
          ? msg("cli.usage.invalid_argument_choice", { argument: m[2]!, value: m[1]!, choices: listOf(choices, "disjunction") })
          : msg("cli.usage.invalid_argument", { argument: m[2]!, value: m[1]! });
      }
      break;
    }
    case "commander.excessArguments":
      if ((m = /too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./.exec(text))) {
        return msg("cli.usage.excess_arguments", { command: m[1] ?? "delib", expected: Number(m[2]), given: Number(m[3]) });
      }
      break;
  }
  return msg("cli.usage.not_understood", { detail: text.replace(/^error: /, "") });
}
