import { describe, expect, it } from "vitest";
import { normalizeText } from "../../functions/domain/text.js";
import {
  agreesToTheAsk,
  buyingAsked,
  buysIfAtAll,
  offersOwnQuote,
  othersAskThePrice,
  othersCallToJoin,
  signsIn,
  statesOwnPrice,
  takesItBack,
  tellsWhoSigns,
  toldAsDone,
  withoutQuotedSpeech,
} from "../../functions/domain/unasked-buying.js";

describe("takesItBack", () => {
  it.each([
    "my partner keeps saying we should just get a quote from you guys but i dont know yet",
    "Honestly? If it were up to me I'd sign tomorrow. But it isn't. The clinic owner decides.",
    "Maybe down the road? Like if we get bigger, sure, I'd probably want a quote then. Right now, though — nah.",
    "sign me up, but not now, next month",
  ])('hears the turn take its buying words back: "%s"', (text) => {
    // Prepare
    const normalized = normalizeText(text);
    // Act
    const taken = takesItBack(normalized);
    // Assess
    expect(taken).toBe(true);
  });

  it.each([
    "let's do it, but not before the 15th",
    "I'd like to sign up but I don't know which plan",
    "yes lets do it. but idk how to port my numbers",
    "Where do I sign? But honestly, the price is high.",
    "we should get a quote. I don't know why we waited",
  ])('hears no retraction in a limit, an open question or another point: "%s"', (text) => {
    // Prepare
    const normalized = normalizeText(text);
    // Act
    const taken = takesItBack(normalized);
    // Assess
    expect(taken).toBe(false);
  });
});

describe("toldAsDone", () => {
  it.each([
    ["yeah hi um yeah i did sign up", true],
    [
      "yeah um hi so i got a quote from geico yesterday for my car and its like two hundred a month which seems nuts",
      true,
    ],
    ["i got a quote from u last week but it expired can u redo it", false],
    ["um so i got a quote from geico but uh i wanted to see what you guys could do", false],
    ["we signed up last year, can you add two seats?", false],
    ["i want to sign up", false],
    [
      "So, um, we're a small strategy shop, three of us, and we've started doing this, uh, inbound sales line, and nobody owns it",
      true,
    ],
    ["ya i saw the pricing page, its a lot for a food truck tbh", true],
    ["I've looked at your prices. How do we start?", false],
    ["we started talking about it, can you send a quote", false],
  ])('hears buying words told as done and nothing asked: "%s" (%s)', (text, done) => {
    // Prepare
    const normalized = normalizeText(text);
    // Act
    const told = toldAsDone(normalized);
    // Assess
    expect(told).toBe(done);
  });
});

describe("signsIn", () => {
  it.each([
    ["were already customers um where do i sign in to start the recordings", true],
    ["how do i log into the portal", true],
    ["where do i sign", false],
    ["can i sign up online or do i log in first", false],
  ])('hears a turn about signing in, not up: "%s" (%s)', (text, signingIn) => {
    // Prepare
    const normalized = normalizeText(text);
    // Act
    const heard = signsIn(normalized);
    // Assess
    expect(heard).toBe(signingIn);
  });
});

describe("agreesToTheAsk", () => {
  it.each([
    [
      "Understood. Would it help if I checked back in closer to then?",
      "sure lets do it, ping me then",
      "time",
    ],
    ["Hi Andre! Mind if I ask a few quick questions?", "sure lets do it fire away", "time"],
    [
      "This is Ava calling from Nimbus Voice about your phone system. Do you have a minute?",
      "hi yes we got your email last week and i was gonna call you actually, we want to switch, how do we start",
      null,
    ],
    ["Great. Shall we get your account started today?", "sure lets do it", null],
    [undefined, "sure lets do it", null],
    [
      "Hi, this is Ava calling for Captain Ray at Blue Line Charters. Got a minute?",
      "yeah go ahead im just hosing down the boat",
      "time",
    ],
    ["Yeah, yeah, I've got— give me one sec. Okay. Yeah, go ahead.", "sure", null],
    [
      "You asked about our plans. Do you have a couple of minutes?",
      "Yeah, yeah, I've got— give me one sec. Okay. Yeah, go ahead.",
      "time",
    ],
    [
      "Returning your web inquiry. Am I speaking with Dennis?",
      "yeah this is dennis i own the place what do you need",
      "who",
    ],
    [
      "Hi, this is Ava from Nimbus Voice. Is this Lakeside Animal Hospital?",
      "yeah this is lakeside how can i help you",
      "who",
    ],
    ["It rings everyone's cell. Is this something you'd want to set up?", "yes lets do it", null],
    ["The starter plan is $20 a seat. Is that OK?", "yes lets do it", null],
    ["We could start you Friday. Is this Friday OK?", "yes lets do it", null],
  ])(
    'hears a short answer to the AI asking for later, for time or who is on the line: "%s" "%s" (%s)',
    (aiLine, text, agreed) => {
      // Act
      const heard = agreesToTheAsk(aiLine, normalizeText(text));
      // Assess
      expect(heard).toBe(agreed);
    },
  );
});

describe("withoutQuotedSpeech", () => {
  it("blanks what the turn quotes, keeping every other character where it was", () => {
    // Prepare
    const text = "the sales guy there was always like 'lets get u signed today!!' every time i called lol";
    // Act
    const unquoted = withoutQuotedSpeech(text);
    // Assess
    expect(unquoted).toHaveLength(text.length);
    expect(unquoted).not.toContain("signed");
    expect(unquoted).toContain("every time i called lol");
  });

  it.each(["i'm the owner and we don't want the guys' phones ringing at home", "where do i sign up"])(
    'finds no quote in apostrophes: "%s"',
    (text) => {
      // Act
      const unquoted = withoutQuotedSpeech(text);
      // Assess
      expect(unquoted).toBeUndefined();
    },
  );
});

describe("offersOwnQuote", () => {
  it.each([
    ["Perfect. I'll, I'll send over a proposal today. Thanks for your time.", true],
    [
      "cool ill send a proposal over to that email then. do u know if ur marketing team already uses an agency?",
      true,
    ],
    [
      "our price is like four bucks per employee per month, and we do a free proposal for any company over fifty people?",
      true,
    ],
    ["totally get it. we could put together a quote for u on bulk orders", true],
    ["Okay, great. And, um, would it be okay if I, uh, sent a proposal there?", true],
    ["can you send me a quote for ten seats?", false],
    ["we'd need a proposal by friday for the board", false],
    ["i'd like an estimate, and i can send you our current bill", false],
  ])('hears the speaker offer a quote of their own: "%s" (%s)', (text, offers) => {
    // Act
    const heard = offersOwnQuote(normalizeText(text));
    // Assess
    expect(heard).toBe(offers);
  });
});

describe("tellsWhoSigns", () => {
  it.each([
    ["Yeah, it's my shop. I sign the checks. Well, my accountant yells at me, but I sign them.", true],
    ["me and the chief together he has to sign the purchase order but we decide it together", true],
    ["yeah its my firm i sign everything the engagement letters the payroll all of it", true],
    ["yeah. so, let's do it. where do i sign?", false],
    ["im the owner, ill sign today if the price is right", false],
    ["sign us up, i decide", false],
  ])('hears who signs as a habit or a rule: "%s" (%s)', (text, tells) => {
    // Act
    const heard = tellsWhoSigns(normalizeText(text));
    // Assess
    expect(heard).toBe(tells);
  });
});

describe("othersAskThePrice", () => {
  it.each([
    [
      "Clients call to ask about prices, like how much for a full groom on a doodle, and I can't pick up.",
      true,
    ],
    ["So, um, half our calls are people asking the price of flea and tick meds", true],
    ["clients ask about prices all day. what would yours cost for three lines?", false],
    ["people keep asking me what the price is, so what do you charge?", false],
    ["how much is it per user?", false],
  ])('hears the speaker\'s callers ask prices, not the speaker: "%s" (%s)', (text, others) => {
    // Act
    const heard = othersAskThePrice(normalizeText(text));
    // Assess
    expect(heard).toBe(others);
  });
});

describe("buysIfAtAll", () => {
  it.each([
    ["Well, if I do it, I'd want it done before the holidays. So in the next two, three months.", true],
    ["maybe someday we'd buy something like that, if I ever hire a second shooter full time", true],
    ["so what kind of number are we looking at if you did four phones", false],
    ["lets do it, if you can have it running by friday", false],
  ])('hears the speaker make their own buying a condition: "%s" (%s)', (text, conditional) => {
    // Act
    const heard = buysIfAtAll(normalizeText(text));
    // Assess
    expect(heard).toBe(conditional);
  });

  it("drops only an order made a condition, not a price asked under one", () => {
    // Prepare
    const text = normalizeText("what are we looking at a month if we did it with four phones?");
    const order = normalizeText("Well, if I do it, I'd want it done before the holidays.");
    // Act
    const price = buyingAsked("price_request", text, undefined);
    const dropped = buyingAsked("buy_now", order, undefined);
    // Assess
    expect(price).toBe("price_request");
    expect(dropped).toBeNull();
  });
});

describe("othersCallToJoin", () => {
  it.each([
    [
      "our front desk gets buried. clients calling for workers, temps calling about paychecks, candidates calling to apply",
      true,
    ],
    ["parents call to register for camp all week", true],
    ["i want to sign up", false],
    ["can my members sign up online?", false],
  ])('hears the speaker\'s callers call to join, not the speaker: "%s" (%s)', (text, others) => {
    // Act
    const heard = othersCallToJoin(normalizeText(text));
    // Assess
    expect(heard).toBe(others);
  });
});

describe("statesOwnPrice", () => {
  it.each([
    [
      "Understood! Just so you know, our Gold Package is priced at $500 and includes your logo on the outfield sign. Silver is $250.",
      true,
    ],
    ["we charge 2 grand for twelve thousand contacts, great deal", true],
    ["our current plan is $300 a month, what would yours cost?", false],
    ["how much is your gold plan?", false],
  ])('hears the speaker sell at their own price, asking nothing: "%s" (%s)', (text, sells) => {
    // Prepare
    const normalized = normalizeText(text);
    // Act
    const stated = statesOwnPrice(normalized);
    // Assess
    expect(stated).toBe(sells);
  });
});

describe("buyingAsked", () => {
  it("drops the buying a seller's own price or offered proposal reads as, and keeps a customer's request", () => {
    // Prepare
    const sponsor = normalizeText(
      "Just so you know, our Gold Package is priced at $500 and includes your logo.",
    );
    const customer = normalizeText("can we sign up for the gold package?");
    const vendor = normalizeText("Perfect. I'll send over a proposal today.");
    const groomer = normalizeText(
      "Clients call to ask about prices, and I can't pick up with clippers in my hand.",
    );
    // Act
    const sold = buyingAsked("enroll_request", sponsor, undefined);
    const asked = buyingAsked("enroll_request", customer, undefined);
    const offered = buyingAsked("quote_request", vendor, undefined);
    const reported = buyingAsked("price_request", groomer, undefined);
    // Assess
    expect(sold).toBeNull();
    expect(asked).toBe("enroll_request");
    expect(offered).toBeNull();
    expect(reported).toBeNull();
  });

  it("drops an enrolment read in a short answer to who is on the line, and keeps a longer request or one after a time ask", () => {
    // Prepare
    const aiLine = "Hi, this is Ava from Nimbus Voice. Is this Lakeside Animal Hospital?";
    const answer = normalizeText("yeah this is lakeside how can i help you");
    const request = normalizeText(
      "yes this is lakeside, we saw your mailer and we want to sign up for the clinic plan, how do we start",
    );
    const afterTime = normalizeText("ok perfect, how do i apply?");
    // Act
    const heard = buyingAsked("enroll_request", answer, aiLine);
    const asked = buyingAsked("enroll_request", request, aiLine);
    const askedAfterTime = buyingAsked("enroll_request", afterTime, "Got a minute?");
    // Assess
    expect(heard).toBeNull();
    expect(asked).toBe("enroll_request");
    expect(askedAfterTime).toBe("enroll_request");
  });

  it("drops an order read in who signs only in an answer to who decides", () => {
    // Prepare
    const answer = normalizeText(
      "yeah its my firm i sign everything the engagement letters the payroll all of it",
    );
    // Act
    const answering = buyingAsked("buy_now", answer, "Are you the one who'd sign off on this?", true);
    const unasked = buyingAsked("buy_now", answer, "Sounds good. Anything else?", false);
    // Assess
    expect(answering).toBeNull();
    expect(unasked).toBe("buy_now");
  });
});
