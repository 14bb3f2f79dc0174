// One word of one deliberation changed, for bench/watch.mjs and bench/floor-watch.mjs: the
// session text with the first `from` of motion `number` replaced by `to`, in that motion only.
// The benchmarks save it and the original in turn, so that each save differs from the last.

/** `text` with the first `from` of motion `number` (and of no other) replaced by `to`. */
export function editMotion(text, number, from, to) {
  const at = text.indexOf(`- number: ${number}\n`);
  if (at < 0) throw new Error(`no motion ${number}`);
  const end = text.indexOf("\n  - number: ", at + 1);
  const block = text.slice(at, end < 0 ? undefined : end);
  if (!block.includes(from)) throw new Error(`no "${from}" in motion ${number}`);
  return text.slice(0, at) + block.replace(from, to) + text.slice(at + block.length);
}

/** The text saved at step `step` (0, 1, 2...): the edited text at even steps, the original at odd ones. */
export function textAt(step, text, number, from, to) {
  return step % 2 === 0 ? editMotion(text, number, from, to) : text;
}
