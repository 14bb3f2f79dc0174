// `delib preview`: the HTML documents of a session on http://127.0.0.1, reloaded on change.
// The documents stay inert (their own policy forbids scripts, and they sit in a sandboxed
// frame); only the preview's frame page carries the few lines that reload it. Nothing is
// printed, so no browser is started: the reader's own shows the pages. At each save the
// documents are rendered again and compared as `build --watch` compares them (rebuild.ts): the
// line printed names those that changed, and the page reloads only when something did.
import { createServer, type ServerResponse } from "node:http";
import { resolve } from "node:path";
import { checkSessions } from "../check.js";
import { msg } from "../diagnostics/message.js";
import { prepareTemplates, renderDocuments, type RenderedDocument } from "../documents.js";
import { provenanceOfAsync } from "../provenance/provenance.js";
import type { CliContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { changedMessage, contentKey } from "./rebuild.js";
import { UsageError } from "./usage-error.js";
import { untilInterrupted, watchInputs } from "./watch-files.js";

interface State {
  version: number;
  documents: RenderedDocument[];
  problems: string;
  /** The last render had errors: the documents shown are the last good ones. */
  failed: boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function renderAll(file: string, template: string | undefined, context: CliContext): Promise<Pick<State, "documents" | "problems">> {
  const { cwd } = context.io;
  // The same provenance line as `delib build`, so the preview shows what will be printed; git is
  // asked beside the checking, as build does, never blocking the server.
  const provenance = provenanceOfAsync(resolve(cwd, file), file).catch(() => undefined);
  // The same check as every command: the file within its register.
  const set = await checkSessions([file], { cwd });
  if (!set.ok) return { documents: [], problems: await context.format(set.diagnostics, 1) };
  const checked = set.files[0]!;
  const prepared = prepareTemplates(checked.config, template, cwd);
  if (!prepared.value) return { documents: [], problems: await context.format(prepared.diagnostics, 1) };
  const rendered = renderDocuments(checked.outcome!, { ...prepared.value, provenance: await provenance, links: checked.links });
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
  const state: State = { version: 1, documents: [], problems: "", failed: false };
  /** What each document served is compared by (rebuild.ts): its content, its provenance line aside. */
  let keys = new Map<string, string>();
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
  const listening = await new Promise<NodeJS.ErrnoException | undefined>((ready) => {
    server.once("error", (error: NodeJS.ErrnoException) => ready(error));
    server.listen(port, "127.0.0.1", () => ready(undefined));
  });
  if (listening) {
    // The port is the machine's, not the command line's: an environment problem (exit 3).
    const problem =
      listening.code === "EADDRINUSE"
        ? msg("cli.preview.port_busy", { port: String(port) })
        : msg("cli.usage.listen", { port: String(port), reason: listening.code ?? listening.message });
    context.io.stderr(`${context.t("cli.error", { message: context.text(problem) })}\n`);
    return ExitCode.Environment;
  }
  // The port first: a port taken is said at once, not after the documents are rendered.
  const first = await renderAll(file, options.template, context).catch((error: unknown) => {
    server.close();
    throw error;
  });
  Object.assign(state, first, { failed: first.documents.length === 0 });
  keys = new Map(first.documents.map((d) => [d.name, contentKey(d)]));
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  context.io.stdout(`${context.t("cli.preview.address", { url: `http://127.0.0.1:${actual}/` })}\n`);
  if (state.problems) context.io.stderr(state.problems);
  // One render at a time, in order: a slow render never overwrites a newer one.
  let rendering: Promise<void> = Promise.resolve();
  const stop = await watchInputs([file], context.io.cwd, options.template, (seen) => {
    rendering = rendering.then(async () => {
      const took = () => Math.round(performance.now() - seen);
      const push = () => {
        state.version += 1;
        for (const listener of listeners) listener.write(`data: ${state.version}\n\n`);
      };
      try {
        const next = await renderAll(file, options.template, context);
        if (next.problems) context.io.stderr(next.problems);
        if (next.documents.length === 0) {
          // While the file has errors, keep showing the last good documents under the problems.
          state.problems = next.problems;
          state.failed = true;
          push();
          context.status(msg("cli.preview.kept", { version: state.version, ms: took() }));
          return;
        }
        const nextKeys = new Map(next.documents.map((d) => [d.name, contentKey(d)]));
        const changed = next.documents.filter((d) => keys.get(d.name) !== nextKeys.get(d.name)).map((d) => d.name);
        const fixed = state.failed;
        const problemsChanged = next.problems !== state.problems;
        // The documents as rendered now (their provenance line too), shown at the next reload.
        Object.assign(state, next, { failed: false });
        keys = nextKeys;
        if (fixed) context.status(msg("cli.watch.fixed"));
        if (changed.length === 0 && !problemsChanged && !fixed) {
          context.status(msg("cli.watch.unchanged", { ms: took() }));
          return;
        }
        push();
        context.status(changed.length > 0 ? changedMessage("preview", changed, { version: state.version, ms: took() }) : msg("cli.preview.updated", { version: state.version }));
      } catch (error) {
        state.problems = `${context.t("cli.internal_error", { detail: (error as Error).message })}\n`;
        context.io.stderr(state.problems);
        push();
        context.status(msg("cli.preview.updated", { version: state.version }));
      }
    });
  });
  await untilInterrupted(context.io.interrupted);
  stop();
  for (const listener of listeners) listener.end();
  await new Promise<void>((closed) => server.close(() => closed()));
  return ExitCode.Ok;
}
