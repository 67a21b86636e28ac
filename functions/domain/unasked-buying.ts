import type { BuyingIntentKind } from "../../contracts/turn-signals.js";
import { lastQuestion } from "./slots/confirmation.js";

/**
 * Buying words the customer says without asking to buy: taken back in the same turn, told as already done, a
 * seller's own price or proposal, the speaker's own callers asking, who signs in an answer to who decides, an order
 * made a condition of their own decision, about signing in, or a short answer to the AI asking for their time or who
 * is on the line. The reader reads the words; these read what the turn does with them, each from a closed class of
 * words of its own (contrast and not knowing, past telling, whose price or offer, who asks, habit, condition,
 * signing in, the AI's question), never from the buying words. `normalized` is the turn as `normalizeText` writes
 * it (lowercase); `answersWhoDecides` says the AI just asked who decides.
 */
export function buyingAsked(
  kind: BuyingIntentKind | null,
  normalized: string,
  aiLine: string | undefined,
  answersWhoDecides = false,
): BuyingIntentKind | null {
  if (kind === null) return null;
  if (kind === "buy_now" && answersWhoDecides && tellsWhoSigns(normalized)) return null;
  if ((kind === "price_request" || kind === "quote_request") && othersAskThePrice(normalized)) return null;
  if (kind === "enroll_request" && othersCallToJoin(normalized)) return null;
  if (
    takesItBack(normalized) ||
    toldAsDone(normalized) ||
    statesOwnPrice(normalized) ||
    offersOwnQuote(normalized)
  )
    return null;
  if (kind === "buy_now" && (signsIn(normalized) || buysIfAtAll(normalized))) return null;
  // "yeah this is lakeside how can i help you": who answers asks what the call is about, not to enrol; after
  // "got a minute?", "ok perfect, how do i apply?" still enrols.
  const agreed = kind === "buy_now" || kind === "enroll_request" ? agreesToTheAsk(aiLine, normalized) : null;
  if (agreed !== null && (kind === "buy_now" || agreed === "who")) return null;
  return kind;
}

/**
 * Whether the turn takes back what it said with a short "but" sentence or clause of not knowing or not now:
 * "my partner keeps saying we should just get a quote from you guys but i dont know yet", "If it were up to me
 * I'd sign tomorrow. But it isn't.", "if we get bigger, sure, I'd probably want a quote then. Right now, though,
 * nah." The buying words before it are reported, conditional or wished; the customer has not asked to buy.
 *
 * Read from the contrast and the closed class of words of not knowing and not now, never from the buying words:
 * "let's do it, but not before the 15th" and "I'd like to sign up but I don't know which plan" still buy.
 * `normalized` is the turn as `normalizeText` writes it (lowercase).
 */
export function takesItBack(normalized: string): boolean {
  return RETRACTION.test(normalized);
}

const CONTRAST = "(?:but|though|tho|right now,? though|right now,? tho)";
const NOT_NOW =
  "(?:i don'?t know(?: yet)?|i dunno|dunno|idk|not sure(?: yet)?|not yet|nah|nope|it isn'?t|it is not|it'?s not|not now|not right now|not today|not ready(?: yet)?)";
// The contrast opens a sentence or clause, or follows the buying words inside one; at most three words between
// it and the not-now words, and none after them that name what is still unknown ("which plan", "how").
const RETRACTION = new RegExp(
  String.raw`(?:^|[.!?,;:\u2014-]\s*|\s)${CONTRAST}[,\s\u2014-]+(?:[a-z']+\s+){0,3}?${NOT_NOW}(?![a-z'])(?!\s+(?:how|where|what|which|if|whether|when|who)\b)`,
);

/**
 * Whether the turn tells of buying words already done and asks nothing: "i did sign up", "i got a quote from
 * geico yesterday ... which seems nuts", "we've started doing this inbound sales line", "ya i saw the pricing
 * page, its a lot". A customer who signed up, started, got a quote or saw the prices before says so to explain
 * why they call or object; with a request in the same turn ("... but it expired, can u redo it", "i wanted to see what
 * you guys could do") the request still counts.
 */
export function toldAsDone(normalized: string): boolean {
  return DONE.test(normalized) && !ASKS.test(normalized);
}

const DONE =
  /\b(?:i|we)(?:'ve|\s+have)?\s+(?:already\s+|just\s+)?(?:did sign up|signed up|(?:got|had|received) (?:a |an )?(?:quote|estimate|proposal) from|started|(?:saw|seen|looked at|checked|read) (?:the |your |ur )?(?:pricing|prices?|rates|plans)\b)/;
const ASKS =
  /\?|\b(?:can|could|would|will) (?:you|u|i|we)\b|\b(?:want|wanted|wanna|need|needs|like|hoping|trying) to\b|\bhow (?:do|can|much|would)\b|\bwhat (?:would|does|do|is|are|can)\b|\b(?:send|quote|give|get) me\b|\bredo\b|\bbeat\b|\bplease\b/;

/**
 * Whether the turn states the speaker's own price and asks nothing: a vendor or a sponsor calling in ("Just so
 * you know, our Gold Package is priced at $500 and includes your logo on the outfield sign. Silver is $250.")
 * sells; it does not buy. Read from whose price it is ("our", "we charge"), never from the buying words.
 */
export function statesOwnPrice(normalized: string): boolean {
  return OWN_PRICE.test(normalized) && !ASKS.test(normalized);
}

const OWN_PRICE =
  /\b(?:our|my) (?:[a-z]+ ){0,3}(?:package|plan|rate|price|service|sponsorship|membership|tier|option|fee)s? (?:is|are|starts?|runs?|costs?) (?:priced at |at |from |just |only )?(?:\$|\d)|\bwe charge\b/;

/**
 * Whether the speaker offers to send or write a proposal, quote or estimate of their own: "I'll send over a proposal
 * today", "we could put together a quote for u on bulk orders", "we do a free proposal for any company over fifty
 * people". A vendor pitching makes the offer a buyer asks for; read from who sends it (the speaker, before the
 * verb), never from the buying words. A buyer's "can you send me a quote" has the AI's side send.
 */
export function offersOwnQuote(normalized: string): boolean {
  return OWN_OFFER.test(normalized);
}

const OFFER_OBJECT =
  "(?:a |an |our |my )?(?:free |custom |quick |formal )?(?:proposal|quote|estimate|bid|rate card|audit)s?\\b";
/** "if i, uh, sent a proposal": a hesitation between the speaker and the verb. */
const HESITATION = "(?:,? (?:um|uh|er|erm|like),?)?";
const OWN_OFFER = new RegExp(
  String.raw`\b(?:i|we)(?:'ll|'d|ll| will| can| could| would)?${HESITATION}(?: also| just)? (?:send(?:ing)?|sent|email|put together|draw up|write up|prepare)(?: (?:you|u|over|along))* ${OFFER_OBJECT}|\bwe do (?:a )?free (?:proposal|quote|estimate|audit)s?\b|\b(?:i|we)(?:'ll|'d|ll| will| can| could)? quote (?:you|u)\b`,
);

/**
 * Whether the turn tells who signs, as a habit or a rule: "Yeah, it's my shop. I sign the checks.", "me and the chief
 * together he has to sign the purchase order", "yeah its my firm i sign everything". In an answer to who decides,
 * that is the answer, not an order; "where do i sign?", "ill sign today" and "lets sign" still order. Read from the
 * tense and who signs, never from the buying words.
 */
export function tellsWhoSigns(normalized: string): boolean {
  return SIGNS_AS_A_RULE.test(normalized) && !SIGNS_NOW.test(normalized);
}

const SIGNS_AS_A_RULE =
  /\b(?:i|he|she|they|we|who)(?: (?:has to|have to|needs? to|usually|always|also|just|personally))* signs?\b(?! (?:up|me up|us up|today|now|here|it today|on the dotted)\b)/;
const SIGNS_NOW =
  /\b(?:where|how|when) (?:do|can|should) (?:i|we) sign\b|\b(?:i|we)(?:'ll|ll| will| can| could| want to| wanna|'m ready to|m ready to|'re ready to|re ready to) sign\b|\blet'?s sign\b|\bready to sign\b/;

/**
 * Whether the turn tells of the speaker's own callers asking prices and asks none of its own: "Clients call to ask
 * about prices, like how much for a full groom on a doodle, and I can't pick up", "half our calls are people asking
 * the price of flea and tick meds". Why the phones matter to them, not a price they want; read from who asks,
 * never from the price words. "what would yours cost?" in the same turn still asks.
 */
export function othersAskThePrice(normalized: string): boolean {
  return OTHERS_ASK.test(normalized) && !ASKS_OUR_PRICE.test(normalized);
}

/**
 * Whether the turn tells of the speaker's own callers calling to apply, sign up or book: "clients calling for
 * workers, temps calling about paychecks, candidates calling to apply". Why their phones are busy, not an enrolment
 * of the speaker's; read from who calls, never from the joining words.
 */
export function othersCallToJoin(normalized: string): boolean {
  return OTHERS_JOIN.test(normalized);
}

/** Who the speaker's own callers are: their clients, patients, members ... */
const CALLERS =
  "clients?|customers?|patients?|parents?|people|callers?|guests?|members?|families|folks|students|tenants|buyers|shoppers|riders|players";
/** ... and, calling to join something, the people a staffing office or a club takes on. */
const THIRD_PARTIES = `(?:${CALLERS}|candidates|applicants|temps|workers|drivers|volunteers)`;
const OTHERS_JOIN = new RegExp(
  String.raw`\b${THIRD_PARTIES}\b(?:\s+[a-z']+){0,2}?\s+(?:call(?:s|ing)?|text(?:s|ing)?|email(?:s|ing)?|com(?:e|es|ing) in)\s+(?:in\s+)?(?:to|wanting to|asking to)\s+(?:apply|sign up|enroll|enrol|register|book|join)\b`,
);
const OTHERS_ASK = new RegExp(
  String.raw`\b(?:${CALLERS})\b(?:\s+[a-z']+){0,3}?\s+(?:call(?:s|ing)?|ask(?:s|ing)?|wants? to know|text(?:s|ing)?|email(?:s|ing)?)\b(?:\s+[a-z']+){0,4}?\s+(?:about\s+|for\s+)?(?:the\s+)?(?:prices?|pricing|rates|how much|quotes?|estimates?|costs?)\b`,
);
const ASKS_OUR_PRICE = /\b(?:what|how much)\b[^.!?]*\b(?:you|your|yours|u|ur)\b[^.!?]*(?:\?|$)/;

/**
 * Whether the turn makes the speaker's own buying a condition: "Well, if I do it, I'd want it done before the
 * holidays", "maybe someday we'd buy something like that, if I ever hire a second shooter". When they would want it
 * is no order; read from the condition on their own decision, never from the buying words. A price asked under a
 * condition ("what are we looking at if we did four phones") is still asked: only an order is dropped.
 */
export function buysIfAtAll(normalized: string): boolean {
  return OWN_CONDITION.test(normalized);
}

const OWN_CONDITION =
  /\bif (?:i|we) (?:do it|do this|did it|go ahead|decide|end up|ever|were to|went ahead|move forward)\b/;

/**
 * Whether the turn is about signing in, not signing up: "where do i sign in to start the recordings" asks how to
 * log in, an existing customer's service question, though "where do i sign" reads as an order.
 */
export function signsIn(normalized: string): boolean {
  return SIGN_IN.test(normalized) && !SIGN_UP.test(normalized);
}

const SIGN_IN = /\b(?:sign|log)(?:ging|ged)?\s+(?:in|into|on)\b|\blog-?in\b/;
const SIGN_UP = /\bsign(?:ing)?\s+(?:up|me up|us up)\b|\b(?:buy|order|purchase|contract|subscribe)\b/;

/**
 * "Would it help if I checked back in closer to then?" "sure lets do it, ping me then"; "Mind if I ask a few quick
 * questions?" "sure lets do it fire away"; "Got a minute?" "yeah go ahead im just hosing down the boat"; "Am I
 * speaking with Dennis?" "yeah this is dennis i own the place what do you need": a short yes to the AI's offer to
 * come back later, to its asking for the customer's time, or to its asking who is on the line agrees to that or
 * says who they are; it buys nothing now. Which of those the AI asked, or null. A longer answer may still buy ("we
 * want to switch, how do we start" after "do you have a minute?").
 */
export function agreesToTheAsk(aiLine: string | undefined, normalized: string): "time" | "who" | null {
  const question = aiLine === undefined ? undefined : lastQuestion(aiLine);
  if (question === undefined) return null;
  const ask = ASKS_FOR_LATER_OR_NOW.test(question) ? "time" : ASKS_WHO.test(question) ? "who" : null;
  return ask !== null && normalized.split(/\s+/).filter(Boolean).length <= SHORT_YES_WORDS ? ask : null;
}

/**
 * 12 words: at 8 (until session 50), "yeah go ahead im just hosing down the boat" and "Yeah, yeah, I've got— give me
 * one sec. Okay. Yeah, go ahead." bought; no call of the development sets buys in so short a reply to these
 * questions.
 */
const SHORT_YES_WORDS = 12;
const ASKS_FOR_LATER_OR_NOW =
  /\b(?:check(?:ed|ing)? (?:back|in)|call(?:ed)? (?:you )?back|follow(?:ed)? up|reach(?:ed)? out (?:again|later)|touch(?:ed)? base|circle(?:d)? back|get back to you|mind if i ask|ask (?:you )?(?:a )?(?:few|couple|some|quick)|(?:a|one) (?:few |couple (?:of )?|quick )?(?:minutes?|moment|sec|second)|good time)\b/i;
/**
 * Who is on the line: "Is this Ray?", "Is this Priya from Loopwise?", "Am I speaking with Greg at Coastal Homes
 * Realty?": the question ends on a name, capitalised as the AI writes it ("Is that OK?" and "Is this Friday OK?" ask
 * no such thing).
 */
const NAME_WORD = "(?!OK\\b)[A-Z][\\w'\\u2019.&-]*";
const ASKS_WHO = new RegExp(
  String.raw`(?:^|\s)(?:[Ii]s this|[Aa]m I (?:speaking|talking) (?:with|to)) (?:(?:Mr|Mrs|Ms|Dr)\.? )?${NAME_WORD}(?: (?:(?:at|from|of|with|and|&) )?${NAME_WORD})*\s*\?+$`,
);

/**
 * The turn with what it quotes blanked out, or undefined when it quotes nothing: "the sales guy there was always
 * like 'lets get u signed today!!' every time i called" tells what someone else said. Buying read only inside the
 * quotes is reported, not asked. A quote opens after a space or a colon and closes before one, so the apostrophes
 * of "i'm" or "the guys' phones" open nothing.
 */
export function withoutQuotedSpeech(text: string): string | undefined {
  if (!QUOTE_MARK.test(text)) return undefined;
  QUOTED.lastIndex = 0;
  const blanked = text.replace(QUOTED, (said) => " ".repeat(said.length));
  return blanked === text ? undefined : blanked;
}

const QUOTE_MARK = /['"\u201c\u2018]/;
const QUOTED =
  /(?<=^|[\s:,(])['"\u201c\u2018][^'"\u201c\u201d\u2018\u2019\n]{2,150}?['"\u201d\u2019](?=[\s.,!?;:)]|$)/g;
