import { spokenPattern } from "../../functions/domain/slots/spoken-pattern.js";

export interface AuthorityReading {
  value: "decision_maker" | "joint" | "not_decision_maker";
  confidence: number;
  quote: string;
}

const OTHERS =
  "(?:my |our |the )(?:[a-z]+ )?(?:boss|manager|owner|owners|ceo|cfo|coo|cto|president|director|supervisor|head office|headquarters|corporate|vp|vice president|gm|franchise owner|dad|father|mom|mother|head of [a-z ]+?|vp of [a-z]+|director of [a-z]+|board|higher-ups|management|leadership|finance team|procurement)";
const PARTNERS =
  "(?:my |our |the )?(?:partner|partners|business partner|co-?founder|cofounders?|co-?owner|wife|husband|spouse|board|committee|team|the other partners|brother|sister)";

const NOT_DECIDER = new RegExp(
  spokenPattern(
    `(?:not (?:my|up to me|me who)|isn't (?:my|up to me)|(?:i|we) don't (?:make|get to make|decide|sign|have the final)|(?:i|we) can't (?:decide|sign|approve)|above my pay ?grade|need (?:sign-off|sign off|approval)|(?:have|need|got) to (?:ask|check with|run (?:it|this|that) (?:by|past)|get (?:it )?approved by|clear (?:it|this) with|get approval from) ${OTHERS}|${OTHERS}(?:,? [^.?!]{0,50}?)? (?:decides|makes? (?:the|all|every|those|that)|signs|approves|has (?:the )?final|owns the budget|holds the budget|would (?:decide|sign|approve|make|have to)|will (?:decide|sign|approve|make|have to)|handles (?:that|purchasing|the budget)|has to (?:approve|sign)|calls the shots|is the (?:one|decision)|does (?:that|the buying))|(?:he|she|they) (?:decides|make the call|makes the call|sign off|signs off|decide|has the final|have the final|owns the budget|approves)|(?:that's|that is|it's|it is|that would be|that'd be) (?:my|our) (?:[a-z]+ )?(?:boss|manager|director|owner|vp|cfo|ceo|supervisor|head of [a-z]+)|(?:i'm|i am) not the (?:one|person) (?:who|that) (?:decides|makes|signs|approves)|no,? (?:it's|that's) (?:my|our)|(?:i'm|i am) (?:just|only) (?:the|an?) (?:assistant|receptionist|office manager|admin|employee|secretary))`,
  ),
);
const JOINT = new RegExp(
  spokenPattern(
    `(?:(?:me|i) and (?:my|our|the) (?:[a-z]+ ){0,3}?(?:partners?|co-?founders?|co-?owners?|wife|husband|spouse|board|committee|team|cfo|ceo|coo|cto|director|vp|manager|boss|lead|head|president|owner|brother|sister)|(?<!\\bi'm |\\bi am )(?:my|our|the) (?:[a-z]+ )?(?:partners?|co-?founders?|cfo|ceo|coo|director|vp|manager|lead|owner|boss) and (?:me|i)\\b|(?:sign|signs) off together|as a (?:committee|board|team|group)|(?:we|they) vote|(?:goes|go|has to go) (?:to|through|before) (?:our|the|a) (?:[a-z]+ )?(?:committee|board)|(?:i'm|i sit) on (?:the|our) (?:[a-z]+ )?(?:committee|board)|me and ${PARTNERS}|${PARTNERS} and (?:i|me)|(?:with|together with|alongside|along with|run it by|ask|check with|talk to|consult) ${PARTNERS}|(?:we|us) (?:both|all|decide together|two)|both of us|jointly|together|as a team|${PARTNERS} (?:and i|has to agree|needs to agree|would have a say|has a say|weighs in|signs off too)|(?:shared|joint) decision|(?:i|we) decide (?:it )?(?:with|together)|(?:decides|decide) together)`,
  ),
);
const DECIDER = new RegExp(
  spokenPattern(
    /\b(?:(?:i'm|i am) (?:authorized|the one authorized|allowed) to (?:sign|decide|approve)|i have (?:the )?(?:final )?sign-? ?off|(?:yep|yes|yeah),? (?:my|it's my) (?:call|decision)|it's my (?:brokerage|firm|practice|store|clinic|agency|office|place)|i own (?:it|the place|the shop|the company|the business|the firm)|(?:that's|that is|it's) (?:me|all me|just me)|i'm the (?:[a-z]+ )?(?:cfo|ceo|coo|it director|director|president|founder|owner|principal|managing partner|gm|general manager)\b|i(?:'m| am) (?:the |a )?(?:owner|ceo|founder|president|decision ?maker|one who decides|boss|one who signs|one making the decision|principal|managing director|sole|only one)|i own (?:the|this|my|a)|it's my (?:call|decision|company|business|shop|money)|my (?:call|decision)|(?:i|i'll) (?:make|sign off on|sign(?! ?up\b| in\b)|approve|decide)(?: all| the| those| that)?(?: decisions?| calls?| checks| it| purchases)?|i decide|up to me|(?:final|last) (?:say|word) is mine|i have (?:the )?(?:final|last) (?:say|word)|i(?:'m| am) the one|i run (?:the|this|my) (?:company|business|place|shop|office|show)|i have the authority|yes,? (?:that's|it's|that is) me|that(?:'d| would| will)? be me|i do|just me|only me|me alone)\b/
      .source,
  ),
);

const ANSWERED_ME = new RegExp(
  spokenPattern(
    /^(?:(?:probably|maybe|i guess|i think) )?(?:yes|yeah|yep|yup|sure|correct|that's right|right|me|myself|i am|i'm|i do|that's me|that would be me|it's me)\b/
      .source,
  ),
);

/** A short answer to "who decides?" that none of the phrases above caught, read by its shape. */
function answerToWhoDecides(answer: string): AuthorityReading | null {
  const quote = answer.slice(0, 80);
  if (
    /\b(?:and (?:me|i)|me and|we both|both of us|together|with (?:my|our|the)|committee|board)\b/.test(answer)
  ) {
    return { value: "joint", confidence: 0.7, quote };
  }
  if (
    /^(?:no|nope|not me|not really)\b|\b(?:my|our) (?:[a-z]+ )?(?:boss|manager|director|owner|vp|cfo|ceo|coo|supervisor|head|president|partner|lead)\b|\b(?:he|she|they) (?:do|does|decide|decides|sign|signs|approve|approves|make|makes|has|have)\b/.test(
      answer,
    )
  ) {
    return { value: "not_decision_maker", confidence: 0.7, quote };
  }
  if (ANSWERED_ME.test(answer)) return { value: "decision_maker", confidence: 0.7, quote };
  return null;
}

const DECIDER_ALL = new RegExp(DECIDER.source, "g");
// "That's me" answers "am I speaking with the office manager?" as readily as "who decides?".
const WEAK_DECIDER =
  /^(?:i do|just me|only me|that(?:'d| would| will)? be me|i decide|(?:that'?s|that is|it'?s) (?:me|all me|just me))$/;

/** Who decides by phrase lists, as Baton read it before the learned labels: the baseline lexicon reader's. */
export function readAuthorityPhrases(clause: string, authorityAsked: boolean): AuthorityReading | null {
  const notDecider = NOT_DECIDER.exec(clause);
  const joint = JOINT.exec(clause);
  const decider = DECIDER.exec(clause);
  const confidence = authorityAsked ? 0.9 : 0.75;
  if (
    joint &&
    (decider ||
      authorityAsked ||
      /partner|co-?founder|board|committee|co-?owner|wife|husband|spouse|joint|together|both of us|vote/.test(
        clause,
      ))
  ) {
    if (!(authorityAsked === false && /^(?:together|as a team|we (?:all|two))$/.test(joint[0]))) {
      return { value: "joint", confidence, quote: joint[0] };
    }
  }
  if (notDecider) return { value: "not_decision_maker", confidence, quote: notDecider[0] };
  if (!decider && authorityAsked) return answerToWhoDecides(clause);
  if (decider) {
    // "i do" alone answers "who decides?"; unasked it means nothing, so look for a stronger phrase.
    const strong = [...clause.matchAll(DECIDER_ALL)].find((m) => !WEAK_DECIDER.test(m[0]));
    if (!strong && !authorityAsked) return null;
    return { value: "decision_maker", confidence, quote: (strong ?? decider)[0] };
  }
  return null;
}
