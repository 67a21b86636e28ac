import { describe, expect, it } from "vitest";
import { SpellingVocabulary, spellTurn, withinOneEdit } from "../../functions/domain/spelling.js";

const vocabulary = new SpellingVocabulary({
  words: ["budget", "grand", "month", "mouth", "quote", "the", "thousand", "twelve", "week", "dana"],
  counts: [40, 12, 60, 1, 30, 500, 25, 9, 50, 3],
});

describe("withinOneEdit", () => {
  it.each([
    ["thousand", "thuosand", true],
    ["quote", "qlote", true],
    ["week", "wek", true],
    ["order", "orrder", true],
    ["month", "mnoht", false],
    ["budget", "bdgt", false],
  ])("%s / %s: %s", (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});

describe("SpellingVocabulary.correct", () => {
  it("repairs a dropped, doubled, swapped or wrong letter towards a frequent known word", () => {
    // Act
    const repaired = ["thousnd", "thoussand", "thuosand", "qlote", "wevk"].map((w) => vocabulary.correct(w));
    // Assess
    expect(repaired).toEqual(["thousand", "thousand", "thousand", "quote", "week"]);
  });

  it("leaves known words, short words and words with no close frequent word alone", () => {
    // Act
    const left = ["mouth", "month", "teh", "zebra", "qxqte"].map((w) => vocabulary.correct(w));
    // Assess: "mouth" is known though rare, so it never becomes "month".
    expect(left).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("never corrects towards a word seen fewer than five times", () => {
    // "dana" is known (3) but too rare to be a target: "dama" stays as typed.
    expect(vocabulary.correct("dama")).toBeUndefined();
  });
});

describe("SpellingVocabulary.correct, a held letter", () => {
  const held = new SpellingVocabulary({
    words: ["call", "cool", "please", "problem", "thanks"],
    counts: [60, 30, 80, 40, 90],
  });

  it("reads a run of three or more letters as two, then as one", () => {
    // Act
    const repaired = ["cooool", "pleeeease", "thaaanks", "calll"].map((w) => held.correct(w));
    // Assess
    expect(repaired).toEqual(["cool", "please", "thanks", "call"]);
  });

  it("repairs a typo in the held word as it would the word typed once", () => {
    // Act
    const repaired = ["pleeeasr", "probbblme"].map((w) => held.correct(w));
    // Assess
    expect(repaired).toEqual(["please", "problem"]);
  });

  it("leaves a held word nothing known is near alone", () => {
    // Act
    const repaired = held.correct("zzzzq");
    // Assess
    expect(repaired).toBeUndefined();
  });
});

describe("SpellingVocabulary.correct in context", () => {
  // "what" is more frequent than "want", "that" than "thank"; but people write "i want to" and "thank you".
  const withPairs = new SpellingVocabulary({
    words: ["i", "to", "want", "what", "that", "thank", "you", "is"],
    counts: [900, 800, 200, 400, 600, 60, 700, 500],
    pairs: {
      words: ["i-want", "want-to", "what-is", "thank-you", "that-is", "you-that"],
      counts: [150, 160, 200, 55, 300, 3],
    },
  });

  it("chooses between words one edit away by the words around the typo", () => {
    // Act
    const before = withPairs.correct("wnat", "i", undefined);
    const after = withPairs.correct("wnat", undefined, "to");
    const thanks = withPairs.correct("thak", undefined, "you");
    // Assess
    expect([before, after, thanks]).toEqual(["want", "want", "thank"]);
  });

  it("falls back to the more frequent word without context or with unknown neighbours", () => {
    // Act
    const alone = withPairs.correct("wnat");
    const unknownAround = withPairs.correct("wnat", "zzq", "qqz");
    const beforeIs = withPairs.correct("wnat", undefined, "is");
    // Assess
    expect([alone, unknownAround, beforeIs]).toEqual(["what", "what", "what"]);
  });

  it("reads the neighbours from the turn, keeping the repaired word as the next one's context", () => {
    // Act
    const spelled = spellTurn("I wnat to, thak you", withPairs);
    // Assess
    expect(spelled.text).toBe("I want to, thank you");
  });
});

describe("spellTurn, a number beside the typo", () => {
  // "user" and "sets" are the more frequent words, but people say "under" before a number and "seats" after
  // one (every number is NUMBER_WORD).
  const words = ["#", "per", "seats", "sets", "under", "user"];
  const counts = [300, 90, 50, 150, 40, 200];
  const numberPairs = new SpellingVocabulary({
    words,
    counts,
    pairs: { words: ["#-seats", "per-user", "under-#"], counts: [30, 70, 35] },
  });
  const withoutNumberPairs = new SpellingVocabulary({ words, counts, pairs: { words: [], counts: [] } });

  it("reads a number as the word after or before the typo", () => {
    // Act
    const beforeNumber = spellTurn("uder 10k, definitely", numberPairs);
    const afterNumber = spellTurn("we need 12 seets", numberPairs);
    // Assess
    expect(beforeNumber.text).toBe("under 10k, definitely");
    expect(afterNumber.text).toBe("we need 12 seats");
  });

  it("falls back to the more frequent word when the data has no pair with a number", () => {
    // Act
    const before = spellTurn("uder 10k", withoutNumberPairs);
    const after = spellTurn("12 seets", withoutNumberPairs);
    // Assess
    expect([before.text, after.text]).toEqual(["user 10k", "12 sets"]);
  });

  it("never repairs a number, nor towards the number word", () => {
    // Act
    const spelled = spellTurn("10k under 20", numberPairs);
    const nearest = numberPairs.correct("#x");
    // Assess
    expect(spelled.corrected).toBe(false);
    expect(nearest).toBeUndefined();
  });
});

describe("spellTurn", () => {
  it("repairs the typos of a chat turn and keeps punctuation, digits and case", () => {
    // Act
    const spelled = spellTurn("Twelve thuosand, by next wevk? Qlote me 15 lines.", vocabulary);
    // Assess
    expect(spelled.corrected).toBe(true);
    expect(spelled.text).toBe("Twelve thousand, by next week? Quote me 15 lines.");
  });

  it("spells out a unit of time shortened after a count, and restores it in a quote", () => {
    // Act
    const spelled = spellTurn("rush starts in like 5 wks, so maybe 2-3 mths or a yr", vocabulary);
    const quote = spelled.restore("in like 5 weeks");
    // Assess
    expect(spelled.text).toBe("rush starts in like 5 weeks, so maybe 2-3 months or a year");
    expect(quote).toBe("in like 5 wks");
  });

  it("spells out a day shortened as chats shorten it, and restores it in a quote", () => {
    // Act
    const spelled = spellTurn("tmrw or Fri, if not nxt tues", vocabulary);
    const quote = spelled.restore("tomorrow or friday");
    // Assess
    expect(spelled.text).toBe("tomorrow or Friday, if not next tuesday");
    expect(quote).toBe("tmrw or fri");
  });

  it("reads a short form that is also a word as a day only after a word that names one", () => {
    // Act
    const spelled = spellTurn("we sat down in the sun, free on sat or sun", vocabulary);
    // Assess
    expect(spelled.text).toBe("we sat down in the sun, free on saturday or sunday");
  });

  it("leaves a shortened unit alone where no count comes right before it", () => {
    // Act: "500/mo" is a period the amount reader reads as typed; "mo" alone is no unit.
    const spelled = spellTurn("about 500/mo, the mo thing, mos def", vocabulary);
    // Assess
    expect(spelled).toMatchObject({ text: "about 500/mo, the mo thing, mos def", corrected: false });
  });

  it("restores a quote read from the repaired text to the words the customer typed", () => {
    // Prepare
    const spelled = spellTurn("about twelve thuosand for the budgte", vocabulary);
    // Act
    const quote = spelled.restore("twelve thousand");
    // Assess
    expect(spelled.text).toBe("about twelve thousand for the budget");
    expect(quote).toBe("twelve thuosand");
  });

  it("leaves a capitalised name inside a sentence alone, and a turn without typos untouched", () => {
    // Act
    const named = spellTurn("you want Dama in IT", vocabulary);
    const clean = spellTurn("the budget is twelve grand", vocabulary);
    // Assess
    expect(named.text).toBe("you want Dama in IT");
    expect(clean).toMatchObject({ text: "the budget is twelve grand", corrected: false });
    expect(clean.restore("twelve grand")).toBe("twelve grand");
  });

  it("keeps the campaign's own words as typed, at the start of a sentence and in speech form", () => {
    // Prepare: "month" is a frequent word one edit from "monty"; the campaign sells to Monty's customers.
    const campaignWords = new Set(["monty"]);
    // Act
    const written = spellTurn("Monty. We moved to it last month", vocabulary, campaignWords);
    const spoken = spellTurn("we use monty", vocabulary, campaignWords);
    const withoutCampaign = spellTurn("we use monty", vocabulary);
    // Assess
    expect(written).toMatchObject({ text: "Monty. We moved to it last month", corrected: false });
    expect(spoken.text).toBe("we use monty");
    expect(withoutCampaign.text).toBe("we use month");
  });

  it("repairs a typo the vocabulary cannot towards a campaign word one edit away", () => {
    // Prepare: "usaa" and "geico" are the campaign's insurers, unknown to the vocabulary.
    const campaignWords = new Set(["usaa", "geico", "the"]);
    // Act
    const spelled = spellTurn("we are with ussaa, not gieco", vocabulary, campaignWords);
    const quote = spelled.restore("usaa");
    const withoutCampaign = spellTurn("we are with ussaa", vocabulary);
    // Assess
    expect(spelled.text).toBe("we are with usaa, not geico");
    expect(quote).toBe("ussaa");
    expect(withoutCampaign.text).toBe("we are with ussaa");
  });

  it("counts the campaign's words likelier than the data alone says", () => {
    // Prepare: "site" is four times as frequent as "suite"; the campaign asks which accounting suite runs.
    const data = new SpellingVocabulary({ words: ["net", "site", "suite"], counts: [20, 33, 8] });
    // Act
    const withCampaign = spellTurn("net siite", data, new Set(["suite"]));
    const withoutCampaign = spellTurn("net siite", data);
    // Assess
    expect(withCampaign.text).toBe("net suite");
    expect(withoutCampaign.text).toBe("net site");
  });

  it("does not let a campaign word outweigh what the words around the typo say", () => {
    // Prepare: "route" is a campaign word one edit from "qoute", as "quote" is; people say "a quote".
    const data = new SpellingVocabulary({
      words: ["a", "quote", "route"],
      counts: [400, 30, 43],
      pairs: { words: ["a-quote"], counts: [20] },
    });
    // Act
    const spelled = spellTurn("send me a qoute", data, new Set(["route"]));
    // Assess
    expect(spelled.text).toBe("send me a quote");
  });

  it("reaches a campaign word two edits away only in a word of six letters or more", () => {
    // Prepare
    const campaignWords = new Set(["fiance", "usaa"]);
    // Act
    const long = spellTurn("me and my fimnue", vocabulary, campaignWords);
    const short = spellTurn("we use uxab", vocabulary, campaignWords);
    // Assess
    expect(long.text).toBe("me and my fiance");
    expect(short.text).toBe("we use uxab");
  });

  it("reaches a campaign word two edits away only from its first letter or its first two swapped", () => {
    // Prepare
    const campaignWords = new Set(["progressive"]);
    // Act
    const [swapped, wrongStart] = ["we are with rpogresisve", "we are with xrogresive"].map(
      (text) => spellTurn(text, vocabulary, campaignWords).text,
    );
    // Assess
    expect(swapped).toBe("we are with progressive");
    expect(wrongStart).toBe("we are with xrogresive");
  });

  it("keeps the plural of a known word it has not seen, and still repairs a doubled last letter", () => {
    // Prepare: "billers" is two edits from the campaign's "bills", and the data knows only "biller".
    const known = new SpellingVocabulary({ words: ["biller", "bills", "this"], counts: [1, 40, 500] });
    const campaignWords = new Set(["bills"]);
    // Act
    const [plural, doubled] = ["we have fifteen billers", "thiss is it"].map(
      (text) => spellTurn(text, known, campaignWords).text,
    );
    // Assess
    expect(plural).toBe("we have fifteen billers");
    expect(doubled).toBe("this is it");
  });

  it("reads an empty or wordless turn as it is", () => {
    expect(spellTurn("", vocabulary).text).toBe("");
    expect(spellTurn("$4,000 ?!", vocabulary).text).toBe("$4,000 ?!");
  });
});

describe("SpellingVocabulary.has", () => {
  it("answers the same after more lookups than it remembers", () => {
    // Prepare
    const data = new SpellingVocabulary({ words: ["phone", "system"], counts: [9, 4] });
    const unknown = Array.from({ length: 20_001 }, (_, i) => `word${i}`);
    // Act
    const before = [data.has("phone"), data.has("systme")];
    const unknownKnown = unknown.filter((word) => data.has(word)).length;
    const after = [data.has("phone"), data.has("systme"), data.has("system")];
    // Assess
    expect(before).toEqual([true, false]);
    expect(unknownKnown).toBe(0);
    expect(after).toEqual([true, false, true]);
  });
});

describe("spellTurn, a known word after a number", () => {
  // "grad" and "cost" are words; after a number the data says "grand" and almost never "grad".
  const vocabulary = new SpellingVocabulary({
    words: ["#", "twelve", "grand", "grad", "weeks", "wees", "six", "this", "cost", "lost", "students"],
    counts: [300, 20, 40, 8, 50, 6, 30, 400, 30, 30, 10],
    pairs: {
      words: ["twelve-grand", "#-grand", "six-weeks", "this-lost"],
      counts: [6, 40, 20, 30],
    },
  });
  const seenWithTheNumber = new SpellingVocabulary({
    words: ["#", "grand", "grad", "students"],
    counts: [300, 40, 8, 10],
    pairs: { words: ["#-grand", "#-grad", "grad-students"], counts: [40, 5, 5] },
  });

  it("repairs it towards a word one edit away that the data pairs with the number far more often", () => {
    // Act
    const spelled = [
      spellTurn("Twelve grad a year", vocabulary),
      spellTurn("in the next six wees", vocabulary),
    ];
    // Assess: the quote still shows what was typed.
    expect(spelled.map((turn) => turn.text)).toEqual(["Twelve grand a year", "in the next six weeks"]);
    expect(spelled[0]?.restore("twelve grand a year")).toBe("twelve grad a year");
  });

  it("keeps it where the data pairs the number with it too, and after words that are no number", () => {
    // Act
    const paired = spellTurn("we hired 2 grad students", seenWithTheNumber);
    const notAfterNumber = spellTurn("what does this cost", vocabulary);
    // Assess
    expect([paired.text, notAfterNumber.text]).toEqual(["we hired 2 grad students", "what does this cost"]);
  });
});

describe("spellTurn, the words amounts and dates are read from", () => {
  const vocabulary = new SpellingVocabulary({
    words: [
      "#",
      "a",
      "about",
      "hundred",
      "month",
      "months",
      "next",
      "weeks",
      "we",
      "have",
      "net",
      "for",
      "four",
      "fur",
      "right",
      "eight",
      "grand",
    ],
    counts: [300, 900, 200, 40, 60, 20, 80, 50, 300, 250, 18, 7000, 290, 1, 500, 120, 40],
    pairs: {
      words: ["next-month", "four-weeks", "for-months", "eight-grand", "have-four", "about-four"],
      counts: [60, 12, 8, 3, 4, 9],
    },
  });

  it("reaches a number or time word two typos away in a word of five letters or more", () => {
    // Act
    const spelled = spellTurn("nxxet mmnnth, about a hunnrded", vocabulary);
    // Assess: no vocabulary word is one edit from these; the slot words are two.
    expect(spelled.text).toBe("next month, about a hundred");
  });

  it("repairs a capitalised weekday or month inside a sentence, and leaves names alone", () => {
    // Act
    const spelled = spellTurn("maybe Mondday or Friddy, ask Dama or Mandy, not Tursday", vocabulary);
    // Assess: "Tursday" is Thursday with a letter dropped before it is Tuesday with one changed.
    expect(spelled.text).toBe("maybe Monday or Friday, ask Dama or Mandy, not Thursday");
  });

  it("repairs a known word before a unit towards a count or time word the data pairs with the unit", () => {
    // Act
    const spelled = ["ideally net month", "we have fur weeks"].map(
      (text) => spellTurn(text, vocabulary).text,
    );
    // Assess
    expect(spelled).toEqual(["ideally next month", "we have four weeks"]);
  });

  it("keeps the capital of a known word it repairs at the start of a sentence", () => {
    // Act
    const spelled = spellTurn("Net month then. Fur weeks at most", vocabulary).text;
    // Assess
    expect(spelled).toBe("Next month then. Four weeks at most");
  });

  it("keeps a frequent word before a unit, a number word, and a word the data pairs with the unit", () => {
    // Act: "for weeks" is unseen but "for" is far more frequent than "four"; "right" is no count.
    const kept = ["waited for weeks", "like eight grand", "for months"].map(
      (text) => spellTurn(text, vocabulary).text,
    );
    // Assess
    expect(kept).toEqual(["waited for weeks", "like eight grand", "for months"]);
  });
});

describe("spellTurn, a word before a scale said alone", () => {
  // "for" is far more frequent than "four", but a scale said alone needs a count before it.
  const vocabulary = new SpellingVocabulary({
    words: ["a", "for", "four", "hundred", "hundreds", "like", "month", "of", "years"],
    counts: [900, 7000, 290, 200, 30, 600, 60, 800, 100],
    pairs: { words: ["four-hundred", "like-four", "for-hundreds", "hundred-a"], counts: [31, 5, 4, 40] },
  });

  it("repairs it towards the count the data pairs with the scale", () => {
    // Act
    const spelled = spellTurn("like for hundred a month", vocabulary).text;
    // Assess
    expect(spelled).toBe("like four hundred a month");
  });

  it("keeps it before a plural, which needs no count", () => {
    // Act
    const kept = spellTurn("for hundreds of years", vocabulary).text;
    // Assess
    expect(kept).toBe("for hundreds of years");
  });
});

describe("spellTurn, a rare known word between two words", () => {
  // "jut" and "mouth" are known only as English words; "son" is common.
  const vocabulary = new SpellingVocabulary({
    words: ["as", "can", "email", "hurts", "jut", "just", "me", "month", "mouth", "my", "son", "soon", "you"],
    counts: [400, 300, 80, 6, 1, 500, 600, 60, 1, 700, 51, 120, 900],
    pairs: {
      words: ["you-just", "just-email", "my-month", "as-soon", "soon-as"],
      counts: [40, 12, 9, 30, 30],
    },
  });

  it("repairs it towards a word one edit away that the data has seen beside both its neighbours", () => {
    // Act
    const spelled = spellTurn("can you jut email me", vocabulary);
    // Assess
    expect(spelled.text).toBe("can you just email me");
    expect(spelled.restore("you just email")).toBe("you jut email");
  });

  it("keeps a common word, a name, and a rare word whose other reading the data has not seen on both sides", () => {
    // Act
    const kept = ["as son as we can", "my mouth hurts", "can you Jut email me"].map(
      (text) => spellTurn(text, vocabulary).text,
    );
    // Assess: a capitalised word inside a sentence is a name.
    expect(kept).toEqual(["as son as we can", "my mouth hurts", "can you Jut email me"]);
  });
});

describe("spellTurn, a word a speech recogniser wrote for one that sounds the same", () => {
  // "coat" and "cues" sound as "quote" and "queues" (one Double Metaphone code); "coat" is rare here.
  const vocabulary = new SpellingVocabulary({
    words: [
      "a",
      "and",
      "coat",
      "cues",
      "for",
      "four",
      "me",
      "need",
      "new",
      "quote",
      "queues",
      "send",
      "we",
      "winter",
    ],
    counts: [900, 800, 6, 1, 700, 90, 600, 300, 400, 500, 68, 200, 800, 30],
    pairs: {
      words: [
        "a-quote",
        "quote-for",
        "a-coat",
        "need-queues",
        "queues-and",
        "send-me",
        "new-coat",
        "coat-for",
      ],
      counts: [250, 136, 3, 3, 15, 50, 2, 2],
    },
  });

  it("repairs it where the data says the other word beside both neighbours fifty times likelier", () => {
    // Act
    const spelled = ["send me a coat for four", "we need cues and"].map((text) =>
      spellTurn(text, vocabulary),
    );
    // Assess
    expect(spelled.map((turn) => turn.text)).toEqual(["send me a quote for four", "we need queues and"]);
    expect(spelled[0]?.restore("a quote for")).toBe("a coat for");
  });

  it("keeps the word where its own neighbours vouch for it, and at the end of a turn", () => {
    // Act
    const kept = ["a new coat for winter", "we need cues"].map((text) => spellTurn(text, vocabulary).text);
    // Assess
    expect(kept).toEqual(["a new coat for winter", "we need cues"]);
  });
});
