// chrome-text.mjs FILE.pdf: the text Chrome's PDF viewer copies from FILE (select all, then the selection's text, as
// Ctrl+A Ctrl+C gives it), on standard output.  Chrome's viewer is PDFium, Chrome's own build: test_pdf's
// [engines] tests run this against Debian's chromium (headless), driven over the DevTools protocol.
// Run with `node --experimental-websocket` (Node 20; later Nodes have WebSocket without it).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const file = resolve(process.argv[2] ?? "");
if (!process.argv[2] || !existsSync(file)) {
    process.stderr.write("usage: chrome-text.mjs FILE.pdf\n");
    process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), "chrome-text-"));
const chrome = spawn(process.env.CHROMIUM ?? "chromium",
                     ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                      "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
                     { stdio: "ignore", detached: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const exited = new Promise((r) => chrome.once("exit", r));
let send = null;
// Stops chromium and its helper processes (asked to close, then its process group killed) and removes its profile.
const stop = async () => {
    if (send) await Promise.race([send("Browser.close"), sleep(2000)]);
    await Promise.race([exited, sleep(3000)]);
    try {
        process.kill(-chrome.pid, "SIGKILL");
    } catch {
        // already gone
    }
    await sleep(200);
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
};
const fail = async (why) => {
    process.stderr.write(`chrome-text: ${why}\n`);
    await stop();
    process.exit(1);
};
setTimeout(() => fail("timed out"), 60000).unref();

// Chrome writes the port it listens on to DevToolsActivePort in its profile.
let port;
for (let i = 0; i < 200 && !port; ++i) {
    await sleep(100);
    const at = join(profile, "DevToolsActivePort");
    if (existsSync(at)) port = readFileSync(at, "utf8").split("\n")[0];
}
if (!port) await fail("chromium did not start");
const version = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
const ws = new WebSocket(version.webSocketDebuggerUrl);
let next = 0;
const pending = new Map();
ws.onmessage = (m) => {
    const d = JSON.parse(m.data);
    if (d.id && pending.has(d.id)) {
        pending.get(d.id)(d);
        pending.delete(d.id);
    }
};
await new Promise((r, j) => { ws.onopen = r; ws.onerror = j; });
send = (method, params = {}, sessionId) => new Promise((r) => {
    const id = ++next;
    pending.set(id, r);
    ws.send(JSON.stringify({ id, method, params, sessionId }));
});

await send("Target.createTarget", { url: "file://" + file });
// The viewer is an extension frame inside the page; its plugin controller selects and gives the selected text.
const copy = `(async () => {
    const viewer = document.querySelector("pdf-viewer");
    const plugin = viewer && viewer.pluginController_;
    if (!plugin) return null;
    plugin.selectAll();
    const reply = await plugin.getSelectedText();
    return reply && reply.selectedText;
})()`;
let text = null, last = null;
for (let i = 0; i < 200; ++i) {
    await sleep(250);
    const targets = (await send("Target.getTargets")).result.targetInfos;
    const frame = targets.find((t) => t.type === "iframe" && t.url.startsWith("chrome-extension://") &&
                                      t.url.includes("/index.html"));
    if (!frame) continue;
    const attached = await send("Target.attachToTarget", { targetId: frame.targetId, flatten: true });
    const session = attached.result && attached.result.sessionId;
    if (!session) continue;
    const r = await send("Runtime.evaluate", { expression: copy, awaitPromise: true, returnByValue: true }, session);
    const value = r.result && r.result.result && r.result.result.value;
    await send("Target.detachFromTarget", { sessionId: session });
    // Loaded when two readings a moment apart agree.
    if (value && value === last) {
        text = value;
        break;
    }
    last = value || null;
}
if (text === null) await fail("no text from " + file);
await stop();
ws.close();
process.stdout.write(text + "\n\f");
process.exit(0);
