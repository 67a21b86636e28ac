import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import { compileCampaign } from "../../functions/domain/compiled-campaign.js";
import { BatonInputError } from "../../functions/domain/errors.js";
import { extractSlots } from "../../functions/domain/qualification.js";
import {
  categoryModelsFromArtifact,
  categoryValueReader,
} from "../../functions/domain/slots/category-values.js";
import { normalizeText, splitClauses } from "../../functions/domain/text.js";
import { shippedCategoryValues } from "../../models/category-values.js";
import {
  CATEGORY_VALUES_FILE,
  type CategoryTurn,
  categorySlots,
  categoryTurnsOf,
  liveRows,
  loadCategoryTurns,
  trainCategoryValues,
} from "../../train/category-values.js";

const NEED_VALUES = Object.keys(defaultCampaign.slots.find((slot) => slot.name === "need")?.values ?? {});

const turn = (text: string, value: string | null, source = "set:call"): CategoryTurn => ({
  source,
  campaign: "default",
  slot: "need",
  turn: 1,
  text,
  value,
});

/** A few labeled turns, each value's words said twice so they keep a row. */
const TURNS: CategoryTurn[] = [
  turn("the guys are out on jobs and miss calls, ring their cells", "remote_work"),
  turn("nobody picks up at the office, it should ring on our cells", "remote_work"),
  turn("one number for all the stores", "remote_work"),
  turn("the stores should share one number", "remote_work"),
  turn("callers wait on hold forever and we need a queue", "contact_center"),
  turn("we need a queue and a phone menu, people wait on hold", "contact_center"),
  turn("the old pbx is dying, replace it", "replace_phone_system"),
  turn("our pbx is old, time to replace the handsets", "replace_phone_system"),
  turn("the bill is too high, cut costs", "cut_costs"),
  turn("cut costs, our bill doubled", "cut_costs"),
  turn("record calls for compliance", "call_recording"),
  turn("we have to record calls, compliance says so", "call_recording"),
  turn("log calls into hubspot", "crm_integration"),
  turn("calls should log into hubspot by themselves", "crm_integration"),
];
/** The need is a category; every other slot here is an amount or a time. */
const CHOOSES = (_campaign: string, slot: string) => slot === "need";
/** Turns as one training file. */
const loadedOf = (turns: CategoryTurn[]) =>
  categoryTurnsOf([{ file: "turns.jsonl", sha256: "a".repeat(64), turns }]);
const loaded = loadedOf(TURNS);

/** Turns of calls that name no need, each twice so their words keep a row. */
const NONE_TURNS: CategoryTurn[] = [
  "yeah go ahead",
  "sure go ahead i have a minute",
  "its my call, i decide",
  "i decide, its my company",
  "maybe three hundred a month",
  "three hundred a month tops",
].map((text) => turn(text, null));
const withNone = loadedOf([...TURNS, ...NONE_TURNS]);

describe("the committed category value models", () => {
  it("are exactly what npm run train learns from the committed labeled turns", async () => {
    // Prepare
    const committed = await readFile(CATEGORY_VALUES_FILE, "utf8");
    // Act
    const { artifact } = trainCategoryValues(await loadCategoryTurns(), await categorySlots());
    // Assess
    expect(`${JSON.stringify(artifact)}\n`).toBe(committed);
  });
});

describe("categoryValueReader", () => {
  it("chooses the value a turn's words were labeled with, whatever example matched", () => {
    // Prepare
    const reader = categoryValueReader(trainCategoryValues(loaded, CHOOSES).models);
    // Act
    const chosen = reader.choose("default", "need", NEED_VALUES, "nobody picks up, ring on the cells");
    // Assess
    expect(chosen?.value).toBe("remote_work");
    expect(chosen?.probability).toBeGreaterThan(1 / NEED_VALUES.length);
  });

  it("chooses nothing for a campaign slot it has no model for, or whose values changed since", () => {
    // Prepare
    const reader = categoryValueReader(trainCategoryValues(loaded, CHOOSES).models);
    // Act
    const otherSlot = reader.choose("default", "product", NEED_VALUES, "ring on the cells");
    const edited = reader.choose("default", "need", [...NEED_VALUES, "fax"], "ring on the cells");
    // Assess
    expect(otherSlot).toBeUndefined();
    expect(edited).toBeUndefined();
  });

  it("hears whether a turn names a value at all", () => {
    // Prepare
    const reader = categoryValueReader(trainCategoryValues(withNone, CHOOSES).models);
    // Act
    const named = reader.namesOne("default", "need", NEED_VALUES, "ring the cells of the guys on jobs");
    const none = reader.namesOne("default", "need", NEED_VALUES, "sure go ahead, i decide");
    // Assess
    expect(named).toBeGreaterThan(0.5);
    expect(none).toBeLessThan(0.5);
  });

  it("has no say on whether a value is named without turns that name none to learn from", () => {
    // Prepare
    const reader = categoryValueReader(trainCategoryValues(loaded, CHOOSES).models);
    // Act
    const named = reader.namesOne("default", "need", NEED_VALUES, "sure go ahead, i decide");
    // Assess
    expect(named).toBe(1);
  });

  it("quotes the part of a turn the model reads the value in surest", () => {
    // Prepare
    const reader = categoryValueReader(trainCategoryValues(loaded, CHOOSES).models);
    // Act
    const part = reader.surestPart(
      "default",
      "need",
      "remote_work",
      "we are a roofing company, the guys are out on jobs all day, so yeah",
    );
    // Assess
    expect(part).toBe("the guys are out on jobs all day");
  });

  it("leaves out the turns of the sets a fold excludes", () => {
    // Prepare
    const turns = [
      ...TURNS,
      turn("fax machines everywhere", "fax", "held:call"),
      turn("fax it", "fax", "held:x"),
    ];
    // Act
    const all = trainCategoryValues(loadedOf(turns), CHOOSES).models[0];
    const withoutHeld = trainCategoryValues(loadedOf(turns), CHOOSES, ["held:"]).models[0];
    // Assess
    expect(all?.values).toContain("fax");
    expect(withoutHeld?.values).not.toContain("fax");
  });
});

describe("extractSlots with learned category values", () => {
  const compiled = compileCampaign(defaultCampaign);
  const clauses = splitClauses(normalizeText("Nobody picks up at the office. Ring on the lads' cells."));

  it("takes the examples' value alone without models", () => {
    // Act
    const need = extractSlots(compiled, clauses, undefined, { categoryValues: null }).find(
      (slot) => slot.slot === "need",
    );
    // Assess
    expect(need?.value).toBe("contact_center");
  });

  it("reads a value no example names where the detect model is sure one is named", () => {
    // Prepare
    const categoryValues = categoryValueReader(trainCategoryValues(withNone, CHOOSES).models);
    const said = splitClauses(
      normalizeText("We own three pizza stores and want one number for all of them."),
    );
    // Act
    const alone = extractSlots(compiled, said, undefined, { categoryValues: null }).find(
      (slot) => slot.slot === "need",
    );
    const learned = extractSlots(compiled, said, undefined, { categoryValues }).find(
      (slot) => slot.slot === "need",
    );
    // Assess
    expect(alone).toBeUndefined();
    expect(learned?.value).toBe("remote_work");
    expect(learned?.confidence).toBeLessThan(0.7);
  });

  it("drops a value said unasked in a turn the detect model hears as naming none, not one asked for", () => {
    // Prepare
    const categoryValues = categoryValueReader(trainCategoryValues(withNone, CHOOSES).models);
    const said = splitClauses(normalizeText("Sure, go ahead, I decide, the bill goes to me."));
    // Act
    const alone = extractSlots(compiled, said, undefined, { categoryValues: null }).find(
      (slot) => slot.slot === "need",
    );
    const unasked = extractSlots(compiled, said, undefined, { categoryValues }).find(
      (slot) => slot.slot === "need",
    );
    const asked = extractSlots(compiled, said, "need", { categoryValues }).find(
      (slot) => slot.slot === "need",
    );
    // Assess
    expect(alone?.value).toBe("cut_costs");
    expect(unasked).toBeUndefined();
    expect(asked?.value).toBe("cut_costs");
  });

  it("detects a value only for a slot still empty or asked again", () => {
    // Prepare
    const categoryValues = categoryValueReader(trainCategoryValues(withNone, CHOOSES).models);
    const said = splitClauses(
      normalizeText("We own three pizza stores and want one number for all of them."),
    );
    const filled = () => true;
    // Act
    const unasked = extractSlots(compiled, said, undefined, { categoryValues, filled }).find(
      (slot) => slot.slot === "need",
    );
    const asked = extractSlots(compiled, said, "need", { categoryValues, filled }).find(
      (slot) => slot.slot === "need",
    );
    // Assess
    expect(unasked).toBeUndefined();
    expect(asked?.value).toBe("remote_work");
  });

  it("takes the learned value, quoted by an example of it the customer said", () => {
    // Prepare
    const categoryValues = categoryValueReader(trainCategoryValues(loaded, CHOOSES).models);
    // Act
    const need = extractSlots(compiled, clauses, undefined, { categoryValues }).find(
      (slot) => slot.slot === "need",
    );
    // Assess
    expect(need?.value).toBe("remote_work");
    expect(need?.quote).toBe("cells");
  });
});

describe("extractSlots with a learned budget detect model", () => {
  const compiled = compileCampaign(defaultCampaign);
  const budget = (text: string, value: string | null): CategoryTurn => ({
    ...turn(text, value),
    slot: "budget",
  });
  /** Budgets stated, and amounts said in calls that state none: what they pay now, their own prices. */
  const BUDGET_TURNS = loadedOf([
    budget("we could spend about five hundred a month", "500/mo"),
    budget("we could spend maybe three hundred a month", "300/mo"),
    budget("we can spend up to a thousand", "0-1000"),
    budget("spend about two grand, tops", "0-2000"),
    budget("we pay eighty bucks a month now", null),
    budget("we pay ninety a month now for the lines", null),
    budget("the tickets run forty bucks each", null),
    budget("tickets run about thirty each", null),
  ]);

  it("drops an amount said unasked in a turn the model hears as stating no budget, not one asked for", () => {
    // Prepare
    const categoryValues = categoryValueReader(trainCategoryValues(BUDGET_TURNS, CHOOSES).models);
    const said = splitClauses(normalizeText("We pay eighty bucks a month now."));
    const read = (asked: string | undefined, models: typeof categoryValues | null) =>
      extractSlots(compiled, said, asked, { categoryValues: models }).find((slot) => slot.slot === "budget");
    // Act
    const alone = read(undefined, null);
    const unasked = read(undefined, categoryValues);
    const asked = read("budget", categoryValues);
    // Assess
    expect(alone?.value).toBe("80/mo");
    expect(unasked).toBeUndefined();
    expect(asked?.value).toBe("80/mo");
  });

  it("keeps an amount the model hears as a budget", () => {
    // Prepare
    const categoryValues = categoryValueReader(trainCategoryValues(BUDGET_TURNS, CHOOSES).models);
    const said = splitClauses(normalizeText("We could spend about four hundred a month."));
    // Act
    const unasked = extractSlots(compiled, said, undefined, { categoryValues }).find(
      (slot) => slot.slot === "budget",
    );
    // Assess
    expect(unasked?.value).toBe("400/mo");
  });

  it("trains no choose model for an amount", () => {
    // Act
    const models = trainCategoryValues(BUDGET_TURNS, CHOOSES).models;
    // Assess
    expect(models.map((model) => `${model.kind} ${model.slot} ${model.values.length}`)).toEqual([
      "detect budget 0",
    ]);
  });
});

describe("liveRows", () => {
  it("keeps no row whose weights are all zero", () => {
    // Prepare
    const weights = Int8Array.from([0, 0, 5, -5, 0, 1]);
    // Act
    const rows = liveRows([11, 22, 33], weights, 2);
    // Assess
    expect(rows.size).toBe(2);
    expect(rows.weightsOf(11)).toBeUndefined();
    expect([...(rows.weightsOf(22) ?? [])]).toEqual([5, -5]);
    expect([...(rows.weightsOf(33) ?? [])]).toEqual([0, 1]);
  });
});

describe("categoryModelsFromArtifact", () => {
  it("refuses a model whose weights do not fit its features and values, naming the file and model", () => {
    // Prepare
    const { artifact } = trainCategoryValues(loaded, CHOOSES);
    const [model] = artifact.models;
    if (!model) throw new Error("no model trained");
    const torn = { ...artifact, models: [{ ...model, rows: model.rows.slice(0, 40) }] };
    // Act
    const load = () => categoryModelsFromArtifact(torn, "models/x.json");
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/category value model models\/x\.json: models\.0 \(choose default\/need\)/);
  });

  it("refuses a file of another format, naming the field", () => {
    // Act
    const load = () => categoryModelsFromArtifact({ format: "baton-turn-reader" }, "models/x.json");
    // Assess
    expect(load).toThrow(/category value model models\/x\.json: format/);
  });
});

describe("shippedCategoryValues", () => {
  it("stops the start with the file's name when the models are missing", () => {
    // Prepare
    const missing = new URL("file:///nowhere/baton/category-values.json");
    // Act
    const load = () => shippedCategoryValues(missing);
    // Assess
    expect(load).toThrow(BatonInputError);
    expect(load).toThrow(/category value model \/nowhere\/baton\/category-values\.json: ENOENT/);
  });
});

describe("loadCategoryTurns", () => {
  it("trains on every file and lists each with its hash and the turns it taught", async () => {
    // Prepare
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(join(tmpdir(), "baton-"));
    const derived = join(dir, "derived.jsonl");
    const written = join(dir, "written.jsonl");
    await writeFile(derived, TURNS.map((t) => `${JSON.stringify(t)}\n`).join(""));
    const authored = turn("we need the shops on one number", "remote_work", "authored:need-turns:1");
    await writeFile(
      written,
      `${JSON.stringify({ ...authored, turn: undefined, form: "chat", ai: "Hi!" })}\n`,
    );
    // Act
    const loaded = await loadCategoryTurns([derived, written]);
    const { artifact } = trainCategoryValues(loaded, CHOOSES, ["held:"]);
    // Assess
    expect(loaded.turns).toHaveLength(TURNS.length + 1);
    expect(artifact.trainedOn.map(({ file, examples }) => [file, examples])).toEqual([
      [derived, TURNS.length],
      [written, 1],
    ]);
    expect(artifact.dataHash).toBe(loaded.sha256);
    expect(loaded.files.map((file) => file.sha256)).not.toContain(loaded.sha256);
  });

  it("names the file and line of a turn without a value", async () => {
    // Prepare
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const file = join(await mkdtemp(join(tmpdir(), "baton-")), "turns.jsonl");
    const good = JSON.stringify(turn("record calls", "call_recording"));
    await writeFile(file, `${good}\n${JSON.stringify({ ...turn("x", "y"), value: "" })}\n`);
    // Act
    const load = loadCategoryTurns([file]);
    // Assess
    await expect(load).rejects.toThrow(BatonInputError);
    await expect(load).rejects.toThrow(new RegExp(`${file}:2: value`));
  });
});
