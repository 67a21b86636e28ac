import { describe, expect, it } from "vitest";
import { abaValid, luhnValid, redactSensitive } from "../../functions/domain/redact.js";

/** Card numbers from the networks' published test ranges: Luhn-valid, never real accounts. */
const VISA = "4111111111111111";
const spoken = (digits: string) =>
  [...digits]
    .map((d) => ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][Number(d)])
    .join(" ");

describe("redactSensitive: card numbers", () => {
  it.each([
    ["written in groups", "my card is 4111 1111 1111 1111", "my card is [card number]"],
    ["with dashes", "sure, 4111-1111-1111-1111.", "sure, [card number]."],
    ["in one block", `it's ${VISA} thanks`, "it's [card number] thanks"],
    ["Mastercard", "5500 0000 0000 0004 is the one", "[card number] is the one"],
    ["Amex 4-6-5", "amex 3782 822463 10005", "amex [card number]"],
    ["spoken digit by digit", `okay it's ${spoken(VISA)}`, "okay it's [card number]"],
    [
      "spoken in groups of four with pauses",
      "four one one one, one one one one, one one one one, one one one one",
      "[card number]",
    ],
    [
      "spoken with double and oh",
      "six oh double one one one one one one one one one one one one seven",
      "[card number]",
    ],
    ["mixed written and spoken", "4111 one one one one 1111 1111", "[card number]"],
    [
      "capitalised speech",
      "Four One One One One One One One One One One One One One One One",
      "[card number]",
    ],
  ])("%s", (_name, input, expected) => {
    // Act
    const result = redactSensitive(input);
    // Assess
    expect(result.text).toBe(expected);
    expect(result.kinds).toContain("card_number");
  });

  it("redacts a misheard card number (Luhn fails) when the customer says it is a card", () => {
    // Act
    const result = redactSensitive("my visa is 4111 1111 1111 1112");
    // Assess
    expect(result.text).toBe("my visa is [card number]");
  });

  it("still redacts a long unchecked number, as an ID number", () => {
    expect(redactSensitive("reference 1234 5678 9012 3456").text).toBe("reference [ID number]");
  });

  it("redacts the security code said after the card", () => {
    // Act
    const result = redactSensitive("card 4111111111111111 and the code is 737");
    // Assess
    expect(result.text).toBe("card [card number] and the code is [security code]");
    expect(result.kinds).toEqual(["card_number", "security_code"]);
  });

  it.each([
    ["the cvv is 123", "the cvv is [security code]"],
    ["security code four five six", "security code [security code]"],
    ["the three digit code on the back is 9 9 1", "the three digit code on the back is [security code]"],
  ])("CVV near its name: %s", (input, expected) => {
    expect(redactSensitive(input).text).toBe(expected);
  });
});

describe("redactSensitive: SSNs, routing and account numbers", () => {
  it.each([
    ["written SSN", "it's 123-45-6789", "it's [SSN]"],
    ["spaced SSN", "123 45 6789", "[SSN]"],
    ["spoken SSN after its name", `my social is ${spoken("123456789")}`, "my social is [SSN]"],
    [
      "routing number with its name",
      "the routing number is 021000021",
      "the routing number is [routing number]",
    ],
    [
      "spoken routing number starting with oh",
      "routing is oh two one oh oh oh oh two one",
      "routing is [routing number]",
    ],
    ["ABA-valid nine digits without a name", "try 011000015", "try [routing number]"],
    ["account number", "my account number is 12345678", "my account number is [account number]"],
    ["bank account, spoken", `bank account ${spoken("00012345671")}`, "bank account [account number]"],
  ])("%s", (_name, input, expected) => {
    expect(redactSensitive(input).text).toBe(expected);
  });
});

describe("redactSensitive: what a sales call needs is kept", () => {
  it.each([
    "we have about 5,000 a month set aside",
    "our budget is $250,000 for the year",
    "budget is 50k",
    "we're 120 people across 3 locations",
    "maybe 10 to 20 thousand",
    "call me back at 3 pm on the 14th",
    "we want it live by Q3 2026",
    "call me on 555 123 4567",
    "oh, nine people decide",
    "I'll be there at five o'clock",
    "we have 1,250,000 users",
    "one or two of us",
  ])("%s", (input) => {
    // Act
    const result = redactSensitive(input);
    // Assess
    expect(result).toEqual({ text: input, kinds: [] });
  });

  it("returns text without digits unchanged", () => {
    const text = "can I talk to a real person please";
    expect(redactSensitive(text)).toEqual({ text, kinds: [] });
  });
});

describe("checksums", () => {
  it("Luhn accepts test card numbers and rejects a changed digit", () => {
    expect(luhnValid(VISA)).toBe(true);
    expect(luhnValid("378282246310005")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
  });

  it("ABA accepts published routing numbers and rejects a changed digit", () => {
    expect(abaValid("021000021")).toBe(true);
    expect(abaValid("011000015")).toBe(true);
    expect(abaValid("021000022")).toBe(false);
    expect(abaValid("12345678")).toBe(false);
  });
});
