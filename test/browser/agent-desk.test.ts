import { constants } from "node:fs";
import { access, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { HandbackRequested } from "../../contracts/events/catalog.js";
import { type LocalStack, startLocalStack } from "../../local/stack.js";
import { memoryLog } from "../../local/support/log.js";

/*
 * The whole local stack in this process (DynamoDB Local on disk, the bus, the web server on a free port),
 * driven by Debian's Chromium through playwright-core: a customer who asks for a human, the closer's
 * screen pop, and the handback. Chromium missing is a failure with the fix, never a skip.
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
const SCREENSHOT = join(process.cwd(), "test-artifacts", "agent-desk.png");

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
  // What the engine decides, not how fast: a loaded machine must not turn the calls into deadline fallbacks.
  stack = await startLocalStack({
    dataDir: join(root, "data"),
    port: 0,
    log: memoryLog(),
    paceMs: 300,
    turnDeadlineMs: 60_000,
  });
  // A fresh profile per run: nothing cached from an earlier run can make the test pass.
  browser = await chromium.launchPersistentContext(join(root, "chromium-profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 1100 },
  });
}, 240_000);

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

it("hands a customer who asks for a human to the desk with the confirmed facts, and hands back to the AI", async () => {
  const { stack, browser } = started();

  // The customer console: the asks-for-a-human persona talks, server-side.
  const customer = await browser.newPage();
  await customer.goto(`${stack.url}/console`);
  await customer.getByTestId("persona").selectOption("asks-for-human");
  await customer.getByTestId("start-call").click();
  await customer.waitForURL(/#call=/);
  const callId = decodeURIComponent(new URL(customer.url()).hash.replace(/^#call=/, ""));
  expect(callId).not.toBe("");

  // The browser goes away mid-call: the call goes on on the server, nothing is lost.
  await customer.close();
  const reopened = await browser.newPage();
  await reopened.goto(`${stack.url}/console#call=${encodeURIComponent(callId)}`);
  await expect
    .poll(async () => reopened.getByTestId("call-status").getAttribute("data-status"), { timeout: 60_000 })
    .toBe("handed_off");
  expect(await reopened.getByTestId("call-line").count()).toBe(7);

  // The agent desk: the handoff is in the queue with the screen pop.
  const desk = await browser.newPage();
  await desk.goto(`${stack.url}/desk`);
  const pop = desk.getByTestId("screen-pop");
  await pop.waitFor({ timeout: 60_000 });
  expect(await desk.getByTestId("queue-item").count()).toBe(1);
  expect(await pop.getByTestId("trigger").textContent()).toBe("Asked for a person");
  const facts = await pop.getByTestId("confirmed-fact").evaluateAll((rows) =>
    rows.map((row) => ({
      slot: row.getAttribute("data-slot"),
      cells: Array.from(row.children, (cell) => cell.textContent),
    })),
  );
  expect(facts).toEqual(
    expect.arrayContaining([
      // Turns count from the first customer line: the flow's greeting is not in Baton's state.
      { slot: "need", cells: ["Need", "replace phone system", "0", expect.stringContaining("replace")] },
      { slot: "budget", cells: ["Budget", "20000/yr", "2", expect.stringContaining("20k")] },
    ]),
  );
  expect(await pop.getByTestId("opener").textContent()).toContain("picking up right where we left off");

  // Hand back to the AI with a note and a time.
  await pop
    .getByTestId("handback-note")
    .fill("Wants a callback after the board meeting; lead with the PBX trade-in.");
  await pop.getByTestId("handback-time").fill("2030-01-15T10:30");
  await pop.getByTestId("handback-submit").click();
  await expect
    .poll(async () => desk.getByTestId("desk-status").textContent(), { timeout: 60_000 })
    .toContain("(scheduled)");

  await stack.bus.settled();
  const handbacks = stack.bus
    .recent()
    .filter((event) => event["detail-type"] === HandbackRequested.detailType)
    .map((event) => HandbackRequested.detail.parse(event.detail));
  expect(handbacks).toHaveLength(1);
  expect(handbacks[0]).toMatchObject({
    note: "Wants a callback after the board meeting; lead with the PBX trade-in.",
    followUpAt: new Date("2030-01-15T10:30").toISOString(),
  });
  expect(handbacks[0]?.meta.contactId).toBe(callId);
  expect(stack.desk.followUps()).toEqual([expect.objectContaining({ kind: "handback", contactId: callId })]);

  await mkdir(join(process.cwd(), "test-artifacts"), { recursive: true });
  await desk.screenshot({ path: SCREENSHOT, fullPage: true });
}, 240_000);
