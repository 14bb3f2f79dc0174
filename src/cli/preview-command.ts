// `delib preview`: the HTML documents of a session on http://127.0.0.1, reloaded on change.
// The documents stay inert (their own policy forbids scripts, and they sit in a sandboxed
// frame); only the preview's frame page carries the few lines that reload it.
import { createServer, type ServerResponse } from "node:http";
import { resolve } from "node:path";
import { checkSessions } from "../check.js";
import { msg } from "../diagnostics/message.js";
import { prepareTemplates, renderDocuments, type RenderedDocument } from "../documents.js";
import { provenanceOf } from "../provenance/provenance.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";
import { untilInterrupted, watchInputs } from "./watch-files.js";

interface State {
  version: number;
  documents: RenderedDocument[];
  problems: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function renderAll(file: string, template: string | undefined, context: CliContext): Promise<Pick<State, "documents" | "problems">> {
  const { cwd } = context.io;
  // The same check as every command: the file within its register.
  const set = await checkSessions([file], { cwd });
  if (!set.ok) return { documents: [], problems: await context.format(set.diagnostics, 1) };
  const checked = set.files[0]!;
  const prepared = prepareTemplates(checked.config, template, cwd);
  if (!prepared.value) return { documents: [], problems: await context.format(prepared.diagnostics, 1) };
  // The same provenance line as `delib build`, so the preview shows what will be printed.
  const rendered = renderDocuments(checked.outcome!, { ...prepared.value, provenance: provenanceOf(resolve(cwd, file), file), links: checked.links });
  const warnings = set.diagnostics.length > 0 ? await context.format(set.diagnostics, 1) : "";
  if (!rendered.value) return { documents: [], problems: await context.format(rendered.diagnostics, 1) };
  return { documents: rendered.value, problems: warnings };
}

/** The preview's own page, in the reader's language: the list of documents, the problems, the document shown. */
function framePage(state: State, current: string | undefined, context: CliContext): string {
  const links = state.documents
    .map((d) => `<li><a href="/?doc=${encodeURIComponent(d.name)}"${d.name === current ? ' aria-current="page"' : ""}>${escapeHtml(d.name)}</a></li>`)
    .join("");
  const shown = current ?? state.documents[0]?.name;
  const frame = shown ? `<iframe sandbox title="${escapeHtml(shown)}" src="/documents/${encodeURIComponent(shown)}.html?v=${state.version}"></iframe>` : "";
  const problems = state.problems ? `<pre class="problems">${escapeHtml(state.problems)}</pre>` : "";
  const title = escapeHtml(context.t("cli.preview.title"));
  return `<!DOCTYPE html><html lang="${context.tr.language}"><head><meta charset="utf-8"><title>${title}</title>
<style>body{margin:0;display:flex;height:100vh;font:14px system-ui,sans-serif}nav{width:16rem;overflow:auto;padding:1rem;background:#f4f4f4}
main{flex:1;display:flex;flex-direction:column}iframe{flex:1;border:0;background:#eee}.problems{margin:0;padding:1rem;background:#fff3f3;white-space:pre-wrap;max-height:40vh;overflow:auto}
a[aria-current]{font-weight:bold}</style></head>
<body><nav aria-label="${escapeHtml(context.t("cli.preview.documents"))}"><p>${title}</p><ul>${links}</ul></nav><main>${problems}${frame}</main>
<script>new EventSource("/events").onmessage = () => location.reload();</script></body></html>`;
}

/** Serves until Ctrl-C; prints the address on stdout. */
export async function preview(file: string, options: { port: string; template?: string }, context: CliContext): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(msg("cli.usage.port", { port: options.port }));
  const state: State = { version: 1, ...(await renderAll(file, options.template, context)) };
  const listeners = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/events") {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      response.write(": connected\n\n");
      listeners.add(response);
      request.on("close", () => listeners.delete(response));
      return;
    }
    const match = /^\/documents\/(.+)\.html$/.exec(url.pathname);
    if (match) {
      let name: string;
      try {
        name = decodeURIComponent(match[1]!);
      } catch {
        response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(`${context.t("cli.preview.bad_name")}\n`);
        return;
      }
      const document = state.documents.find((d) => d.name === name);
      if (!document) {
        response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`${context.t("cli.preview.no_document")}\n`);
        return;
      }
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(document.html);
      return;
    }
    if (url.pathname === "/") {
      response
        .writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
        .end(framePage(state, url.searchParams.get("doc") ?? undefined, context));
      return;
    }
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`${context.t("cli.preview.not_found")}\n`);
  });
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ready());
  }).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(msg("cli.usage.listen", { port: String(port), reason: error.code ?? error.message }));
  });
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  context.io.stdout(`${context.t("cli.preview.address", { url: `http://127.0.0.1:${actual}/` })}\n`);
  if (state.problems) context.io.stderr(state.problems);
  // One render at a time, in order: a slow render never overwrites a newer one.
  let rendering: Promise<void> = Promise.resolve();
  const stop = await watchInputs([file], context.io.cwd, options.template, () => {
    rendering = rendering.then(async () => {
      try {
        const next = await renderAll(file, options.template, context);
        // While the file has errors, keep showing the last good documents under the problems.
        Object.assign(state, next.documents.length > 0 ? next : { problems: next.problems }, { version: state.version + 1 });
        if (next.problems) context.io.stderr(next.problems);
      } catch (error) {
        Object.assign(state, { problems: `${context.t("cli.internal_error", { detail: (error as Error).message })}\n`, version: state.version + 1 });
        context.io.stderr(state.problems);
      }
      context.status(msg("cli.preview.updated", { version: state.version }));
      for (const listener of listeners) listener.write(`data: ${state.version}\n\n`);
    });
  });
  await untilInterrupted(context.io.interrupted);
  stop();
  for (const listener of listeners) listener.end();
  await new Promise<void>((closed) => server.close(() => closed()));
  return ExitCode.Ok;
}
