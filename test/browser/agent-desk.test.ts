/// <reference lib="dom" />
import { constants } from "node:fs";
import { access, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { HandbackRequested } from "../../contracts/events/catalog.js";
import { type LocalStack, startLocalStack } from "../../local/stack.js";
import { memoryLog } from "../../local/support/log.js";

/*
 * The whole local stack in this process (DynamoDB Local on disk, the bus, the web server on a free port),
 * driven by Debian's Chromium through playwright-core at a laptop's 1366x768: three personas, what the
 * closer reads first on their screen pops, Accept without scrolling, the handback, an unknown contact
 * in the address, and a real restart of the server under an open desk. Screenshots go to
 * test-artifacts/. Chromium missing is a failure with the fix, never a skip.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Offline-safe flags: without the background-networking ones Chromium keeps dialling Google's hosts. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const ARTIFACTS = join(process.cwd(), "test-artifacts");
const LAPTOP = { width: 1366, height: 768 };

let root: string;
let stack: LocalStack | undefined;
let browser: BrowserContext | undefined;

/** Checked first: without Chromium the test itself fails (never skips) and says how to install it. */
async function chromiumProblem(): Promise<string | undefined> {
  try {
    await access(CHROMIUM, constants.X_OK);
    return undefined;
  } catch {
    return `Chromium is not installed at ${CHROMIUM}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`;
  }
}

let missingChromium: string | undefined;

beforeAll(async () => {
  missingChromium = await chromiumProblem();
  if (missingChromium) return;
  root = await mkdtemp(join(tmpdir(), "baton-browser-"));
  stack = await startLocalStack({ dataDir: join(root, "data"), port: 0, log: memoryLog(), paceMs: 300 });
  // A fresh profile per run: nothing cached from an earlier run can make the test pass.
  browser = await chromium.launchPersistentContext(join(root, "chromium-profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: LAPTOP,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

function started(): { stack: LocalStack; browser: BrowserContext } {
  if (missingChromium) throw new Error(missingChromium);
  if (!stack || !browser) throw new Error("the local stack or the browser did not start (see beforeAll)");
  return { stack, browser };
}

/** A persona talks in the console until the handoff; the console's screenshot is kept. */
async function handedOffPersona(
  browser: BrowserContext,
  url: string,
  personaId: string,
  closeTabMidCall = false,
): Promise<string> {
  let customer = await browser.newPage();
  await customer.goto(`${url}/console`);
  await customer.getByTestId("persona").selectOption(personaId);
  await customer.getByTestId("start-call").click();
  await customer.waitForURL(/#call=/);
  const callId = decodeURIComponent(new URL(customer.url()).hash.replace(/^#call=/, ""));
  if (closeTabMidCall) {
    // The browser goes away mid-call: the persona plays on server-side, nothing is lost.
    await customer.close();
    customer = await browser.newPage();
    await customer.goto(`${url}/console#call=${encodeURIComponent(callId)}`);
  }
  await expect
    .poll(async () => customer.getByTestId("call-status").getAttribute("data-status"), { timeout: 60_000 })
    .toBe("handed_off");
  await mkdir(ARTIFACTS, { recursive: true });
  await customer.screenshot({ path: join(ARTIFACTS, `console-${personaId}.png`), fullPage: true });
  await customer.close();
  return callId;
}

/** What the closer reads first, top to bottom, and whether Accept is on screen without scrolling. */
async function firstRead(desk: Page) {
  const pop = desk.getByTestId("screen-pop");
  await pop.waitFor({ timeout: 60_000 });
  const accept = await pop.getByTestId("accept").boundingBox();
  const said = pop.getByTestId("ask-said");
  return {
    ask: await pop.getByTestId("ask").textContent(),
    said: (await said.count()) > 0 ? await said.textContent() : null,
    caller: await pop.getByTestId("caller").textContent(),
    opener: await pop.getByTestId("opener").textContent(),
    acceptOnScreen: accept !== null && accept.y >= 0 && accept.y + accept.height <= LAPTOP.height,
  };
}

const INTERNAL = /\b[a-z]+_[a-z_]+\b|\d\/(?:mo|yr)\b|\(no accepted answer yet\)/;

it("shows three personas' screen pops as a closer reads them, with Accept on screen at 1366x768", async () => {
  const { stack, browser } = started();
  const personas = [
    {
      id: "ready-buyer",
      ask: "Asks how to get started today",
      caller: "Dana Ruiz",
      opener: "You asked how to get started today",
    },
    { id: "tough-objector", ask: "RingCentral", caller: "Alex Chen", opener: "your current provider" },
    {
      id: "asks-for-human",
      ask: "Wants to speak to a real person",
      caller: "Sam Okafor",
      opener: "through to a person",
    },
  ];
  for (const persona of personas) {
    const callId = await handedOffPersona(browser, stack.url, persona.id, persona.id === "asks-for-human");
    const desk = await browser.newPage();
    await desk.goto(`${stack.url}/desk#contact=${encodeURIComponent(callId)}`);
    const read = await firstRead(desk);
    console.log(
      `closer reads (${persona.id}):\n  ${read.ask}\n  ${read.said ?? read.caller}\n  ${read.opener}`,
    );
    expect(read.ask).toContain(persona.ask);
    expect(read.caller).toContain(persona.caller);
    expect(read.opener).toContain(persona.opener);
    expect(read.acceptOnScreen).toBe(true);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is what a closer reads; textContent glues adjacent badges into one word
    expect(await desk.getByTestId("screen-pop").innerText()).not.toMatch(INTERNAL);
    expect(await desk.title()).toMatch(/^\(\d+\) Baton agent desk$/);
    await desk.screenshot({ path: join(ARTIFACTS, `desk-${persona.id}.png`) });
    await desk.close();
  }
}, 150_000);

it("hands back only after accept, with a note, and shows the greeting as line 1 as the console does", async () => {
  const { stack, browser } = started();
  const callId = await handedOffPersona(browser, stack.url, "confused");
  const desk = await browser.newPage();
  await desk.goto(`${stack.url}/desk#contact=${encodeURIComponent(callId)}`);
  const pop = desk.getByTestId("screen-pop");
  await pop.waitFor({ timeout: 60_000 });
  expect(await pop.getByTestId("handback-note").count()).toBe(0);
  const lines = await pop.getByTestId("pop-line").allTextContents();
  expect(lines[0]).toMatch(/^1 AI\s*Hi, this is the Nimbus assistant/);

  await pop.getByTestId("accept").click();
  await pop.getByTestId("handback-note").waitFor({ timeout: 60_000 });
  await pop.getByTestId("handback-date").locator("input").fill("2030/01/15");
  await pop.getByTestId("handback-time").locator("input").fill("10:30");
  await pop.getByTestId("handback-submit").click();
  // An empty note is refused on the page: the field says why and nothing is sent.
  await pop.getByTestId("handback-note-error").waitFor({ timeout: 10_000 });
  await pop
    .getByTestId("handback-note")
    .fill("Wants a callback after the board meeting; explain the setup plainly.");
  await pop.getByTestId("handback-submit").click();
  await expect
    .poll(async () => desk.getByTestId("desk-status").textContent(), { timeout: 60_000 })
    .toContain("(scheduled)");

  await stack.bus.settled();
  const handbacks = stack.bus
    .recent()
    .filter((event) => event["detail-type"] === HandbackRequested.detailType)
    .map((event) => HandbackRequested.detail.parse(event.detail))
    .filter((detail) => detail.meta.contactId === callId);
  expect(handbacks).toHaveLength(1);
  expect(handbacks[0]).toMatchObject({
    note: "Wants a callback after the board meeting; explain the setup plainly.",
    followUpAt: new Date("2030-01-15T10:30").toISOString(),
  });
  await desk.getByTestId("filter-handed_back").click();
  expect(await desk.getByTestId("queue-item").count()).toBe(1);
  await desk.screenshot({ path: join(ARTIFACTS, "desk-handed-back.png") });

  const customerPage = await browser.newPage();
  await customerPage.goto(`${stack.url}/console#call=${encodeURIComponent(callId)}`);
  await expect
    .poll(async () => customerPage.getByTestId("console-handback").textContent(), { timeout: 60_000 })
    .toContain("explain the setup plainly");
  // Every line the desk shows has the console's number, speaker and words.
  const consoleLines = (await customerPage.getByTestId("call-line").allTextContents()).map(numbered);
  const deskLines = lines.map(numbered);
  expect(consoleLines[0]).toMatchObject({ line: 1, speaker: "AI" });
  expect(deskLines.length).toBeGreaterThan(2);
  for (const line of deskLines) expect(consoleLines[line.line - 1]).toEqual(line);
  // Each open page holds a live-update connection; Chromium allows six per host.
  await Promise.all([desk.close(), customerPage.close()]);
}, 90_000);

/** "3 Customer Hello" (desk) and "3 CustomerHello" (console) alike. */
function numbered(text: string) {
  const match = /^(\d+) (AI|Customer)\s*(.*)$/s.exec(text);
  if (!match) throw new Error(`not a numbered line: ${text}`);
  return { line: Number(match[1]), speaker: match[2], text: match[3]?.trim() };
}

it("hangs up from the console: a typed call ends, a waiting handoff leaves the desk's waiting queue, and the caller's next pop names it", async () => {
  const { stack, browser } = started();
  const customer = await browser.newPage();
  await customer.goto(`${stack.url}/console`);
  await customer.getByTestId("persona").locator("option").first().waitFor({ state: "attached" });
  await customer.getByTestId("start-call").click();
  await customer.waitForURL(/#call=/);
  await customer.getByTestId("say-text").fill("Hi, we have an old phone system in the office.");
  await customer.getByTestId("say-send").click();
  await expect.poll(async () => customer.getByTestId("call-line").count(), { timeout: 60_000 }).toBe(3);
  await customer.getByTestId("hang-up").click();
  await expect
    .poll(async () => customer.getByTestId("call-status").getAttribute("data-status"), { timeout: 60_000 })
    .toBe("ended");
  expect(await customer.getByTestId("call-status").textContent()).toContain("You hung up");
  expect(await customer.getByTestId("hang-up").isHidden()).toBe(true);
  expect(await customer.getByTestId("say-text").isDisabled()).toBe(true);

  const callId = await handedOffPersona(browser, stack.url, "ready-buyer");
  const handedOff = await browser.newPage();
  await handedOff.goto(`${stack.url}/console#call=${encodeURIComponent(callId)}`);
  await handedOff.getByTestId("hang-up").click();
  await expect
    .poll(async () => handedOff.getByTestId("console-handback").textContent(), { timeout: 60_000 })
    .toContain("You hung up before a closer accepted");
  await handedOff.screenshot({ path: join(ARTIFACTS, "console-hung-up.png"), fullPage: true });
  const desk = await browser.newPage();
  await desk.goto(`${stack.url}/desk#contact=${encodeURIComponent(callId)}`);
  await expect
    .poll(async () => desk.getByTestId("desk-status").textContent(), { timeout: 60_000 })
    .toContain("hung up before a closer accepted");
  expect(await desk.getByTestId("accept").count()).toBe(0);
  expect(
    await desk.locator(`[data-testid=queue-item][data-contact-id="${callId}"]`).getAttribute("data-status"),
  ).toBe("abandoned");

  // The same customer calls again: the new pop names the earlier contact and how it ended.
  const again = await handedOffPersona(browser, stack.url, "ready-buyer");
  await desk.goto(`${stack.url}/desk#contact=${encodeURIComponent(again)}`);
  const earlier = desk.getByTestId("screen-pop").getByTestId("earlier-contacts");
  await earlier.waitFor({ timeout: 60_000 });
  expect(await earlier.textContent()).toContain("Ready to buy, customer hung up");
  await desk.screenshot({ path: join(ARTIFACTS, "desk-earlier-contacts.png") });
  await Promise.all([customer.close(), handedOff.close(), desk.close()]);
}, 120_000);

it("says an unknown contact in the address has no pop, instead of showing another customer's", async () => {
  const { stack, browser } = started();
  const desk = await browser.newPage();
  await desk.goto(`${stack.url}/desk#contact=no-such-contact`);
  await desk.getByTestId("no-pop").waitFor({ timeout: 60_000 });
  expect(await desk.getByTestId("screen-pop").count()).toBe(0);
  expect(await desk.getByTestId("no-pop").textContent()).toContain("no-such-contact");
}, 30_000);

it("reconnects an open desk by itself after a real restart and shows a handoff made after it", async () => {
  const { browser } = started();
  const before = requireStack();
  const desk = await browser.newPage();
  await desk.goto(`${before.url}/desk`);
  await expect
    .poll(async () => desk.getByTestId("live-status").textContent(), { timeout: 60_000 })
    .toBe("live");
  const queued = await desk.getByTestId("queue-item").count();

  await before.stop();
  await expect
    .poll(async () => desk.getByTestId("live-status").textContent(), { timeout: 60_000 })
    .toBe("reconnecting");
  stack = await startLocalStack({
    dataDir: before.dataDir,
    port: before.port,
    log: memoryLog(),
    paceMs: 300,
  });
  const callId = await handedOffPersona(browser, stack.url, "sarcastic");

  await expect
    .poll(async () => desk.getByTestId("live-status").textContent(), { timeout: 60_000 })
    .toBe("live");
  await expect
    .poll(async () => desk.locator(`[data-testid=queue-item][data-contact-id="${callId}"]`).count(), {
      timeout: 20_000,
    })
    .toBe(1);
  expect(await desk.getByTestId("queue-item").count()).toBe(queued + 1);
}, 120_000);

/** axe-core's serious and critical findings on a page, as "rule: target" lines. */
async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  const source = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: source });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations as Array<{
      id: string;
      impact: string | null;
      nodes: Array<{ target: string[] }>;
    }>;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

it("has no serious accessibility problems on the desk with a pop and on the console (axe-core)", async () => {
  const { stack, browser } = started();
  const callId = await handedOffPersona(browser, stack.url, "ready-buyer");
  const desk = await browser.newPage();
  await desk.goto(`${stack.url}/desk#contact=${encodeURIComponent(callId)}`);
  await desk.getByTestId("screen-pop").waitFor({ timeout: 60_000 });
  const customer = await browser.newPage();
  await customer.goto(`${stack.url}/console`);
  await customer.getByTestId("persona").locator("option").first().waitFor({ state: "attached" });
  expect(await seriousAccessibilityProblems(desk)).toEqual([]);
  expect(await seriousAccessibilityProblems(customer)).toEqual([]);

  // The narrow app panel of the workspace: everything fits without sideways scrolling.
  await desk.setViewportSize({ width: 400, height: 800 });
  const overflow = await desk.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await desk.screenshot({ path: join(ARTIFACTS, "desk-narrow.png") });
}, 60_000);

function requireStack(): LocalStack {
  if (!stack) throw new Error("the local stack did not start");
  return stack;
}
