import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { EVENT_CATALOG } from "../../contracts/events/catalog.js";
import { eventJsonSchemas } from "../../contracts/json-schema.js";

describe("event JSON Schemas", () => {
  it.each(eventJsonSchemas().map((entry) => [entry.fileName, entry] as const))(
    "%s matches the committed v1 schema (run `npm run contracts` only for a compatible change)",
    async (fileName, entry) => {
      // Prepare
      const committed = JSON.parse(
        await readFile(new URL(`../../contracts/json-schema/${fileName}`, import.meta.url), "utf8"),
      );
      // Act
      const generated = JSON.parse(JSON.stringify(entry.schema));
      // Assess
      expect(generated).toEqual(committed);
    },
  );

  it("names every event with a baton source, a detail type and version 1", () => {
    // Prepare
    const detailTypes = EVENT_CATALOG.map((contract) => contract.detailType);
    // Act
    const unique = new Set(detailTypes);
    // Assess
    expect(unique.size).toBe(detailTypes.length);
    expect(detailTypes).toEqual(
      expect.arrayContaining([
        "Handoff.Requested",
        "Handoff.Accepted",
        "Handoff.Abandoned",
        "Handback.Requested",
        "Lead.QualificationUpdated",
        "Nurture.Scheduled",
      ]),
    );
    for (const contract of EVENT_CATALOG) {
      expect(contract.source).toMatch(/^baton\./);
      expect(contract.version).toBe("1");
    }
  });
});
