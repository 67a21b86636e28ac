import { describe, expect, it } from "vitest";
import { busRules, type EventPattern, SLOW_HANDOFF_PATTERN } from "../../contracts/bus-rules.js";
import { defaultCampaign } from "../../functions/domain/campaigns.js";
import {
  assertSupportedPattern,
  matchesPattern,
  UnsupportedPatternError,
} from "../../local/bus/match-pattern.js";

/*
 * Cases drawn from the examples of the EventBridge user guide (event patterns, content filtering,
 * arrays, null values): https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
 * The events are the guide's EC2 state-change samples, trimmed to the fields each case reads.
 */

const ec2 = (detail: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  version: "0",
  id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
  "detail-type": "EC2 Instance State-change Notification",
  source: "aws.ec2",
  account: "111122223333",
  time: "2017-12-22T18:43:48Z",
  region: "us-west-1",
  resources: ["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],
  detail,
  ...extra,
});

function matches(pattern: unknown, event: unknown): boolean {
  assertSupportedPattern(pattern);
  return matchesPattern(pattern, event);
}

describe("exact values (the guide's first example)", () => {
  const pattern = {
    source: ["aws.ec2"],
    "detail-type": ["EC2 Instance State-change Notification"],
    detail: { state: ["terminated"] },
  };

  it("matches when every field matches and ignores fields the pattern does not name", () => {
    expect(matches(pattern, ec2({ "instance-id": "i-1", state: "terminated" }))).toBe(true);
  });

  it("does not match another value, another source or a missing field", () => {
    expect(matches(pattern, ec2({ state: "running" }))).toBe(false);
    expect(matches(pattern, ec2({ state: "terminated" }, { source: "aws.s3" }))).toBe(false);
    expect(matches(pattern, ec2({ "instance-id": "i-1" }))).toBe(false);
  });

  it("is an OR across the values listed for one field", () => {
    const either = { detail: { state: ["stopped", "terminated"] } };
    expect(matches(either, ec2({ state: "stopped" }))).toBe(true);
    expect(matches(either, ec2({ state: "pending" }))).toBe(false);
  });

  it("matches an array in the event when any element matches (the arrays page)", () => {
    const resources = {
      resources: [
        "arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f",
        "arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f",
      ],
    };
    const event = ec2(
      {},
      {
        resources: [
          "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:x",
          "arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f",
        ],
      },
    );
    expect(matches(resources, event)).toBe(true);
    expect(
      matches(resources, ec2({}, { resources: ["arn:aws:ec2:us-east-1:999999999999:instance/i-0"] })),
    ).toBe(false);
  });

  it("keeps strings and numbers apart, and null apart from the empty string (the null-values page)", () => {
    expect(matches({ detail: { count: [5] } }, ec2({ count: 5 }))).toBe(true);
    expect(matches({ detail: { count: [5] } }, ec2({ count: "5" }))).toBe(false);
    const event = ec2({ eventVersion: "", responseElements: null });
    expect(matches({ detail: { eventVersion: [""] } }, event)).toBe(true);
    expect(matches({ detail: { responseElements: [null] } }, event)).toBe(true);
    expect(matches({ detail: { eventVersion: [null] } }, event)).toBe(false);
    expect(matches({ detail: { responseElements: [""] } }, event)).toBe(false);
  });

  it("reads through arrays of objects on the way down", () => {
    const event = ec2({ participants: [{ role: "AGENT" }, { role: "CUSTOMER" }] });
    expect(matches({ detail: { participants: { role: ["CUSTOMER"] } } }, event)).toBe(true);
    expect(matches({ detail: { participants: { role: ["SUPERVISOR"] } } }, event)).toBe(false);
  });
});

describe("prefix", () => {
  const pattern = { time: [{ prefix: "2017-10-02" }] };

  it("matches a string that starts with the prefix", () => {
    expect(matches(pattern, ec2({}, { time: "2017-10-02T18:43:48Z" }))).toBe(true);
  });

  it("does not match another start, a number or a missing field", () => {
    expect(matches(pattern, ec2({}, { time: "2017-10-03T00:00:00Z" }))).toBe(false);
    expect(matches({ detail: { code: [{ prefix: "20" }] } }, ec2({ code: 2017 }))).toBe(false);
    expect(matches({ detail: { code: [{ prefix: "20" }] } }, ec2({}))).toBe(false);
  });
});

describe("anything-but", () => {
  it("with one string: anything but that value, and only when the field is there", () => {
    const pattern = { detail: { state: [{ "anything-but": "initializing" }] } };
    expect(matches(pattern, ec2({ state: "running" }))).toBe(true);
    expect(matches(pattern, ec2({ state: "initializing" }))).toBe(false);
    expect(matches(pattern, ec2({}))).toBe(false);
  });

  it("with one number", () => {
    const pattern = { detail: { "x-limit": [{ "anything-but": 123 }] } };
    expect(matches(pattern, ec2({ "x-limit": 124 }))).toBe(true);
    expect(matches(pattern, ec2({ "x-limit": 123 }))).toBe(false);
  });

  it("with a list of strings", () => {
    const pattern = { detail: { state: [{ "anything-but": ["stopped", "overloaded"] }] } };
    expect(matches(pattern, ec2({ state: "running" }))).toBe(true);
    expect(matches(pattern, ec2({ state: "stopped" }))).toBe(false);
    expect(matches(pattern, ec2({ state: "overloaded" }))).toBe(false);
  });

  it("with a list of numbers", () => {
    const pattern = { detail: { "x-limit": [{ "anything-but": [100, 200, 300] }] } };
    expect(matches(pattern, ec2({ "x-limit": 150 }))).toBe(true);
    expect(matches(pattern, ec2({ "x-limit": 200 }))).toBe(false);
  });

  it("on an array in the event: matches when some element is not excluded", () => {
    const pattern = { detail: { "x-limit": [{ "anything-but": [100, 500] }] } };
    expect(matches(pattern, ec2({ "x-limit": [100, 50] }))).toBe(true);
    expect(matches(pattern, ec2({ "x-limit": [100, 500] }))).toBe(false);
  });
});

describe("numeric", () => {
  const pattern = {
    detail: {
      "c-count": [{ numeric: [">", 0, "<=", 5] }],
      "d-count": [{ numeric: ["<", 10] }],
      "x-limit": [{ numeric: ["=", 3.018e2] }],
    },
  };

  it("matches when every range holds (the guide's three-field example)", () => {
    expect(matches(pattern, ec2({ "c-count": 5, "d-count": 9, "x-limit": 301.8 }))).toBe(true);
    expect(matches(pattern, ec2({ "c-count": 0.5, "d-count": -3, "x-limit": 301.8 }))).toBe(true);
  });

  it("does not match at an open bound, past a bound, or on a different value", () => {
    expect(matches(pattern, ec2({ "c-count": 0, "d-count": 9, "x-limit": 301.8 }))).toBe(false);
    expect(matches(pattern, ec2({ "c-count": 6, "d-count": 9, "x-limit": 301.8 }))).toBe(false);
    expect(matches(pattern, ec2({ "c-count": 5, "d-count": 10, "x-limit": 301.8 }))).toBe(false);
    expect(matches(pattern, ec2({ "c-count": 5, "d-count": 9, "x-limit": 301.9 }))).toBe(false);
  });

  it("reads JSON numbers only, not numeric strings", () => {
    expect(matches(pattern, ec2({ "c-count": "5", "d-count": 9, "x-limit": 301.8 }))).toBe(false);
  });

  it("supports the at-least form Baton's rules use", () => {
    const atLeast = { detail: { timeToHumanMs: [{ numeric: [">=", 60_000] }] } };
    expect(matches(atLeast, ec2({ timeToHumanMs: 60_000 }))).toBe(true);
    expect(matches(atLeast, ec2({ timeToHumanMs: 59_999 }))).toBe(false);
  });
});

describe("exists", () => {
  const present = { detail: { state: [{ exists: true }] } };
  const absent = { detail: { state: [{ exists: false }] } };

  it("exists: true matches a field with a value, also a list of values", () => {
    expect(matches(present, ec2({ "instance-id": "i-abcd1111", state: "pending" }))).toBe(true);
    expect(matches(present, ec2({ state: ["initializing", "running"] }))).toBe(true);
  });

  it("exists: true does not match an event without the field", () => {
    expect(matches(present, ec2({ "c-count": { c1: 100 } }))).toBe(false);
  });

  it("exists: false matches only when the field is missing", () => {
    expect(matches(absent, ec2({ "c-count": { c1: 100 } }))).toBe(true);
    expect(matches(absent, ec2({ state: "pending" }))).toBe(false);
    expect(matches({ detail: { missing: [{ exists: false }] } }, { source: "x" })).toBe(true);
  });

  it("works on leaf values only: an object under the field is not a value", () => {
    expect(matches({ detail: { "c-count": [{ exists: true }] } }, ec2({ "c-count": { c1: 100 } }))).toBe(
      false,
    );
  });
});

it("combines operators (the guide's complex example)", () => {
  const pattern = {
    time: [{ prefix: "2017-10-02" }],
    detail: {
      state: [{ "anything-but": "initializing" }],
      "c-count": [{ numeric: [">", 0, "<=", 5] }],
      "d-count": [{ numeric: ["<", 10] }],
      "x-limit": [{ "anything-but": [100, 200, 300] }],
    },
  };
  const good = ec2(
    { state: "running", "c-count": 3, "d-count": 2, "x-limit": 250 },
    { time: "2017-10-02T01:02:03Z" },
  );
  expect(matches(pattern, good)).toBe(true);
  expect(matches(pattern, { ...good, detail: { ...good.detail, "x-limit": 300 } })).toBe(false);
  expect(matches(pattern, { ...good, time: "2017-10-01T01:02:03Z" })).toBe(false);
});

describe("patterns the local bus refuses rather than mis-evaluates", () => {
  it.each([
    ["suffix", { FileName: [{ suffix: ".png" }] }, "$.FileName[0]"],
    ["cidr", { detail: { sourceIPAddress: [{ cidr: "10.0.0.0/24" }] } }, "$.detail.sourceIPAddress[0]"],
    ["equals-ignore-case", { Name: [{ "equals-ignore-case": "alice" }] }, "$.Name[0]"],
    ["wildcard", { FilePath: [{ wildcard: "dir/*.png" }] }, "$.FilePath[0]"],
  ])("%s names the operator and where it is", (operator, pattern, path) => {
    expect(() => assertSupportedPattern(pattern)).toThrow(UnsupportedPatternError);
    expect(() => assertSupportedPattern(pattern)).toThrow(`${path}: operator "${operator}"`);
  });

  it("refuses an empty value list, a mixed anything-but list and malformed numeric ranges", () => {
    expect(() => assertSupportedPattern({ detail: { state: [] } })).toThrow("at least one value");
    expect(() => assertSupportedPattern({ x: [{ "anything-but": ["a", 1] }] })).toThrow(
      "only strings or only numbers",
    );
    expect(() => assertSupportedPattern({ x: [{ numeric: ["<", 5, ">", 1] }] })).toThrow("range must start");
    expect(() => assertSupportedPattern({ x: [{ numeric: [">", 9, "<", 1] }] })).toThrow("range is empty");
    expect(() => assertSupportedPattern({ x: [{ numeric: ["~", 1] }] })).toThrow("unknown comparison");
  });

  it("accepts every pattern Baton's contract defines", () => {
    const patterns: EventPattern[] = [
      ...busRules([defaultCampaign]).map((rule) => rule.pattern),
      SLOW_HANDOFF_PATTERN,
    ];
    for (const pattern of patterns) expect(() => assertSupportedPattern(pattern)).not.toThrow();
  });
});
