// What a person reads, kept as data until it is shown: a message is an identifier in the
// catalogues of locales/messages/ and the values its ICU MessageFormat text needs. Stages
// produce messages; only the formatter, which knows the reader's language, turns them into
// text (translator.ts). So a diagnostic found in a worker thread, or kept in a cache, is the
// same whatever language it is later shown in.

/** A value a message's text takes: text and numbers as they are, a list, or another message. */
export type MessageValue = string | number | Message | MessageList;

/** A list of values, joined as the reader's language joins them (« a, b et c » / "a, b and c"). */
export interface MessageList {
  readonly list: readonly (string | Message)[];
  /** "and" (the default) or "or". */
  readonly type?: "conjunction" | "disjunction";
}

export interface Message {
  /** Key of the message in every catalogue, e.g. "DLB3091" or "DLB3091.hint". */
  readonly id: string;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

/** The message `id` with its values. */
export function msg(id: string, values?: Readonly<Record<string, MessageValue>>): Message {
  return values === undefined ? { id } : { id, values };
}

/** The values joined as a list: "a, b and c" in English, « a, b et c » in French. */
export function listOf(values: readonly (string | Message)[], type: "conjunction" | "disjunction" = "conjunction"): MessageList {
  return { list: values, type };
}

/**
 * A text that is not delib's words (a library's or the system's own message, a path, a value
 * from the user's file), shown as it is in every language: never for a sentence of delib's own.
 */
export function rawText(text: string): Message {
  return msg("raw", { text });
}

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as Message).id === "string";
}
