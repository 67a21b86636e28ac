import type { EventPattern, PatternLeaf } from "../../contracts/bus-rules.js";

/**
 * EventBridge content filtering, for the operators `contracts/bus-rules.ts` uses: exact values,
 * `prefix`, `anything-but` (one value or a list), `exists` and `numeric` (one comparison or a range).
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 *
 * The model is the one EventBridge documents: fields at one level are ANDed, the values in a field's
 * array are ORed, and an array in the event matches when any of its elements matches (arrays are
 * flattened, also arrays of objects on the way down). A field "exists" when it has at least one leaf
 * value (string, number, boolean or null); an object or an empty array is not a leaf.
 */

type Leaf = string | number | boolean | null;

/** A pattern the local bus cannot evaluate exactly; refused up front rather than silently mismatched. */
export class UnsupportedPatternError extends Error {
  override readonly name = "UnsupportedPatternError";
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`event pattern at ${path}: ${detail}`);
  }
}

/** True when the event matches the pattern. Call `assertSupportedPattern` once when loading rules. */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  return matchFields(pattern, [event]);
}

function matchFields(pattern: EventPattern, nodes: readonly unknown[]): boolean {
  for (const [field, expected] of Object.entries(pattern)) {
    const values = nodes.filter(isPlainObject).flatMap((node) => valuesOf(node, field));
    const matched = Array.isArray(expected)
      ? matchLeafList(expected, values.filter(isLeaf))
      : matchFields(expected, values);
    if (!matched) return false;
  }
  return true;
}

function valuesOf(node: Record<string, unknown>, field: string): unknown[] {
  return Object.hasOwn(node, field) ? flatten(node[field]) : [];
}

function flatten(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flatMap(flatten) : [value];
}

function matchLeafList(matchers: readonly PatternLeaf[], leaves: readonly Leaf[]): boolean {
  return matchers.some((matcher) => {
    if (isObjectMatcher(matcher) && "exists" in matcher) return leaves.length > 0 === matcher.exists;
    return leaves.some((leaf) => matchLeaf(matcher, leaf));
  });
}

function matchLeaf(matcher: PatternLeaf, leaf: Leaf): boolean {
  if (!isObjectMatcher(matcher)) return matcher === leaf;
  if ("prefix" in matcher) return typeof leaf === "string" && leaf.startsWith(matcher.prefix);
  if ("anything-but" in matcher) {
    const excluded = matcher["anything-but"];
    return !(Array.isArray(excluded) ? excluded : [excluded]).some((value) => value === leaf);
  }
  if ("numeric" in matcher) return typeof leaf === "number" && matchNumeric(matcher.numeric, leaf);
  return false;
}

function matchNumeric(comparisons: ReadonlyArray<string | number>, value: number): boolean {
  for (let index = 0; index < comparisons.length; index += 2) {
    const operator = comparisons[index];
    const bound = comparisons[index + 1];
    if (typeof operator !== "string" || typeof bound !== "number" || !compare(operator, value, bound))
      return false;
  }
  return true;
}

function compare(operator: string, value: number, bound: number): boolean {
  switch (operator) {
    case "=":
      return value === bound;
    case "<":
      return value < bound;
    case "<=":
      return value <= bound;
    case ">":
      return value > bound;
    case ">=":
      return value >= bound;
    default:
      return false;
  }
}

/**
 * Throws an UnsupportedPatternError naming the path when the pattern uses anything the local bus does
 * not implement, or something EventBridge itself would reject (an empty value list, a malformed range).
 */
export function assertSupportedPattern(pattern: unknown, path = "$"): asserts pattern is EventPattern {
  if (!isPlainObject(pattern)) throw new UnsupportedPatternError(path, "expected an object of fields");
  const fields = Object.entries(pattern);
  if (fields.length === 0) throw new UnsupportedPatternError(path, "an empty pattern matches nothing useful");
  for (const [field, value] of fields) {
    const at = `${path}.${field}`;
    if (Array.isArray(value)) {
      if (value.length === 0) throw new UnsupportedPatternError(at, "a field needs at least one value");
      value.forEach((matcher, index) => {
        assertSupportedMatcher(matcher, `${at}[${index}]`);
      });
    } else {
      assertSupportedPattern(value, at);
    }
  }
}

const RANGE_LOWER = new Set([">", ">="]);
const RANGE_UPPER = new Set(["<", "<="]);
const COMPARISONS = new Set(["=", ...RANGE_LOWER, ...RANGE_UPPER]);

function assertSupportedMatcher(matcher: unknown, path: string): void {
  if (isLeaf(matcher)) return;
  if (!isPlainObject(matcher)) throw new UnsupportedPatternError(path, "expected a value or an operator");
  const keys = Object.keys(matcher);
  const operator = keys[0];
  if (keys.length !== 1 || operator === undefined)
    throw new UnsupportedPatternError(path, `an operator object has exactly one key (got ${keys.length})`);
  const argument = matcher[operator];
  switch (operator) {
    case "prefix":
      if (typeof argument !== "string") throw new UnsupportedPatternError(path, "prefix takes a string");
      return;
    case "exists":
      if (typeof argument !== "boolean")
        throw new UnsupportedPatternError(path, "exists takes true or false");
      return;
    case "anything-but":
      assertAnythingBut(argument, path);
      return;
    case "numeric":
      assertNumeric(argument, path);
      return;
    default:
      throw new UnsupportedPatternError(
        path,
        `operator "${operator}" is not implemented by the local bus (prefix, anything-but, exists, numeric are)`,
      );
  }
}

function assertAnythingBut(argument: unknown, path: string): void {
  if (typeof argument === "string" || typeof argument === "number") return;
  const allStrings = Array.isArray(argument) && argument.every((value) => typeof value === "string");
  const allNumbers = Array.isArray(argument) && argument.every((value) => typeof value === "number");
  if (Array.isArray(argument) && argument.length > 0 && (allStrings || allNumbers)) return;
  throw new UnsupportedPatternError(
    path,
    "anything-but takes a string, a number, or a non-empty list of only strings or only numbers",
  );
}

/** `["=", n]`, `[op, n]`, or a range `[">" | ">=", low, "<" | "<=", high]`. */
function assertNumeric(argument: unknown, path: string): void {
  const fail = (detail: string) => new UnsupportedPatternError(path, `numeric ${detail}`);
  if (!Array.isArray(argument) || (argument.length !== 2 && argument.length !== 4))
    throw fail("takes one comparison or a range of two");
  for (let index = 0; index < argument.length; index += 2) {
    const operator: unknown = argument[index];
    const bound: unknown = argument[index + 1];
    if (typeof operator !== "string" || !COMPARISONS.has(operator)) throw fail("has an unknown comparison");
    if (typeof bound !== "number" || !Number.isFinite(bound)) throw fail("bounds must be finite numbers");
  }
  if (argument.length === 4) {
    const [lowerOperator, lower, upperOperator, upper]: unknown[] = argument;
    if (typeof lowerOperator !== "string" || !RANGE_LOWER.has(lowerOperator))
      throw fail("range must start with > or >=");
    if (typeof upperOperator !== "string" || !RANGE_UPPER.has(upperOperator))
      throw fail("range must end with < or <=");
    if (typeof lower === "number" && typeof upper === "number" && lower > upper)
      throw fail("range is empty (lower bound above upper bound)");
  }
}

function isLeaf(value: unknown): value is Leaf {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isObjectMatcher(matcher: PatternLeaf): matcher is Exclude<PatternLeaf, Leaf> {
  return typeof matcher === "object" && matcher !== null;
}
