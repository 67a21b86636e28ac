/** The phrase lists Baton started with (v0): kept only as the baseline the trained turn reader is measured against in `npm run bench`. */
/**
 * The words Baton listens for. Regexes run on normalised text (see text.ts) one clause at a time,
 * so a negator earlier in the same clause cancels a match.
 */
// ASCII word edges without the unicode flag: V8 runs these much faster, and Baton's lexicon is English.
const W = "(?<![a-z0-9'])";
const E = "(?![a-z0-9])";
const rx = (source: string): RegExp => new RegExp(`${W}(?:${source})${E}`);

const PERSON =
  "(?:a |an |the |some |one of your |your )?(?:real |actual |live |human |proper )?(?:person|human(?: being)?|agent|representative|rep|operator|manager|supervisor|salesperson|sales ?rep|sales person|specialist|expert|advisor|adviser|somebody|someone|anybody|anyone|sales(?: team)?|people|your team|your people|your staff|(?:one of )?your consultants?|consultant|engineer)";

const STRICT_PERSON =
  "(?:a |an |the |one of your |your )?(?:(?:real|actual|live|human|proper) (?:person|human|agent|people|one)|human(?: being)?|representative|rep|operator|agent|manager|supervisor|salesperson|sales ?rep|sales person)";

export const PERSON_REQUEST = [
  rx(
    `(?:talk|speak|chat|get through|connect me|put me through|transfer me|hand me over|pass me)(?: directly)? (?:to|with) ${PERSON}`,
  ),
  rx(`(?:get|put|transfer|connect|patch|pass|send) me (?:to|through to|over to|with) ${PERSON}`),
  rx(
    `(?:i want|i need|i'd like|i would like|give me|get me|i'm asking for|i asked for|can i get|can i have|could i get|is there|let me have|i demand) ${STRICT_PERSON}`,
  ),
  rx(
    "(?:real|actual|live) (?:person|human|agent|people)|human being|someone real|somebody real|a human(?! (?:resources|rights|touch|error|picks|answers|being here))|living,? breathing (?:person|human)|living person",
  ),
  rx(
    "who (?:can|could|should) (?:i|we) (?:talk|speak|chat) (?:to|with)|get me off (?:this|the) (?:bot|robot|machine|thing|automated)|(?:done|finished) (?:talking to|with) (?:a |the |this )?(?:bot|robot|machine)|give me a (?:ring|call|buzz)|(?:connect|put) me (?:to|through to|with) your",
  ),
  rx(
    `(?:have|get|can|could|would|will|let) (?:a |an |one of your |someone |somebody |your )?(?:(?:sales ?)?(?:rep|reps|representative|person|people|salesperson|salespeople|specialist|expert|team|engineer|manager|human|advisor|consultant)s? |someone |somebody )(?:from (?:your|the) (?:company|team|sales team|office) )?(?:just )?(?:to )?(?:call|phone|ring|contact|reach out to|get in touch with|email|walk|meet|talk|speak|go over|go through)`,
  ),
  rx(
    `(?:set up|schedule|arrange|book|get me|get|have|do) (?:a |me a |us a )?(?:call|meeting|demo|screen ?share|chat|conversation|time) with (?:one of your|someone|somebody|a |an |your )`,
  ),
  rx(
    `(?:get|have|put) (?:someone|somebody|a person|one of your \\w+)(?: from your (?:team|company))? on (?:a |the )?(?:call|phone|line)`,
  ),
  rx(
    "is there (?:somebody|someone|anybody|anyone|a person|a human)(?: there| else| real)? (?:i|we) (?:can|could) (?:actually |just )?(?:talk|speak|chat)|put (?:your|the) (?:manager|supervisor|boss)(?: on| through)?|put (?:a human|someone real|a real person|somebody real) on|(?:not doing|won't do|don't want to do|not going to do) (?:this|it) (?:with|through|over) (?:a|an|the) (?:computer|bot|robot|machine|ai)|(?:don't|do not) want to (?:talk|speak|deal) (?:to|with) (?:a|an|the) (?:bot|robot|machine|computer|ai)|(?:whoever|someone|somebody) (?:is )?in charge|(?:call|calls) from your (?:boss|manager|supervisor)",
  ),
  rx(
    "(?:a|an actual|a real|a live) (?:person|human),? i mean|(?:with|to) (?:a|an actual|a real|a live) (?:person|human)(?! (?:who|that|to|in|at|on))",
  ),
];

/** "talk to someone internally first" is a stall, "are you a real person?" a question: neither is a request. */
export const PERSON_NOT_REQUEST_AFTER = rx(
  "internally|first|to (?:answer|handle|cover|pick up|work|staff|man)|(?:picks|answers|does|handles|is|was|works|takes|sits|comes|used to)\\b|on my (?:end|side|team)|at (?:my|our) (?:office|company|end)|about it first|in (?:my|our) (?:team|company|office)|before (?:we|i) (?:decide|commit|sign)",
);
export const PERSON_IDENTITY_QUESTION =
  /^(?:(?:so|wait|hold on|hang on|hey|um|uh|hmm)\s+)*(?:are you|is this|am i (?:talking|speaking) (?:to|with)|was that|you're not)\b/u;

/** A whole turn of only these words is a request ("Representative!", "Operator. Operator."). */
export const BARE_PERSON_WORD =
  /^(?:(?:uh|um|just|please|ok|okay|hey)[,\s]+)*(?:(?:representative|operator|agent|human|a human|real person|person|manager|supervisor)[.!?,\s]*)+(?:[,\s]+(?:please|now|already))*[.!?]*$/u;

/** Clause openers that make a request hypothetical: "later I might talk to someone". */
export const DEFERRED = rx(
  "later|eventually|someday|some day|down the road|at some point|in the future|next time|one day|maybe next",
);

export const BUY_NOW = rx(
  "(?:i|we)(?:'d| would| are|'re| am|'m)? (?:like|want|wanna|need|ready|looking|keen|eager) to (?:buy|purchase|sign up(?! for (?:your |the |a )?(?:newsletter|mailing list|emails|updates|webinar|blog))|sign|order|get started|move forward|go ahead|get going|proceed|do this|do it)|(?:i'm|we're|i am|we are) ready(?: to go| now)?|let's (?:do it|do this|go|go ahead|get started|move forward|get this going|sign|make it happen|get it done)|(?:let's|let us) (?:start|order|get (?:it|this) (?:going|started|ordered))|(?:i|we)(?:'d| would)? (?:like|want|wanna) to (?:start|order) (?:right away|now|today|immediately|asap|this week)|next steps? (?:to|for) (?:get|getting|move|moving|start|starting|sign|signing)|what are the next steps|get (?:this|it|things) (?:going|rolling|moving)|(?:send|email) (?:me |us )?(?:the |an |your )?invoice|invoice (?:us|me)|(?:alright|ok|okay|yes|great|right),? (?:we're|i'm|we are|i am) in\\b(?! the| a | an | our| my| your)|count (?:us|me) in|where do (?:i|we) sign|sign (?:me|us) up|(?:how|what) do (?:i|we) (?:sign up|get started|buy|order|purchase|proceed|start)|we'll take it|i'll take it|i'm sold|we're sold|you've sold me|count (?:me|us) in|go ahead and (?:set|sign|get|start)|(?:set|get) (?:me|us) (?:up|started)|(?:can|could) (?:we|i) (?:start|get started|sign up|sign|buy|order)",
);

export const PRICE_REQUEST = rx(
  "(?:can i|could i|can we|could we|i'd like to|let me) (?:get|have|see) (?:a |the |your |some )?(?:price|prices|pricing|price list|rates|ballpark)|what are (?:your|the) (?:prices|rates|fees|plans|costs)|^how much\\??$|what's (?:it|this|that) (?:cost|run|going to cost|gonna cost)|what (?:it|this|that) (?:costs|would cost|will cost)|what are we looking at (?:price|cost|money)|(?:cost|price) per (?:phone|seat|user|line|agent|month)|how much per|what's the damage|(?:give|get|send) (?:me|us) (?:a |the )?ballpark|ballpark for|quote (?:me|us)\\b|how much (?:does|is|would|will|do|are|for|per|it|this|that|you)|what (?:does|would|will|do) (?:it|this|that|you|something like this|the [a-z]+) (?:cost|charge|run)|what(?:'s| is| are| would be) (?:the |your |its )?(?:price|pricing|cost|rate|rates|monthly cost|fee|fees)|what do you charge|(?:tell|give|send|show) (?:me|us) (?:the |your |some )?(?:price|prices|pricing|costs|numbers|rates)|(?:price|pricing|cost) (?:per|for) (?:seat|user|month|line|agent)|ballpark (?:price|cost|number|figure)|what kind of (?:price|money|cost)|price (?:it|this) out|how (?:expensive|pricey) is",
);

export const QUOTE_REQUEST = rx(
  "(?:send|get|give|email|need|want|like|have|see|prepare|put together|draw up|write up|do) (?:me |us |over )?(?:a |the |an |your )?(?:[a-z]+ ){0,2}(?:quote|quotation|proposal|estimate|offer)|quote (?:for|on) (?:us|me|\\d+|[a-z]+ (?:seats|users|lines))",
);

export const CONTRACT_REQUEST = rx(
  "(?:send|see|get|sign|review|read|email|look at|have) (?:me |us |over )?(?:the |a |your )?(?:[a-z]+ ){0,2}(?:contract|paperwork|agreement|order form|terms)|(?:contract|paperwork|agreement) (?:over|through)",
);

/** Interest with a hedge is not intent: "maybe down the road". */
export const INTENT_HEDGE = rx(
  "maybe (?:someday|later|down the road|eventually|next year)|just (?:looking|browsing|curious|researching|asking|wondering)|not (?:ready|looking|interested|planning)|no rush|down the road|someday|some day|at some point|in the future|eventually|for future reference|not yet|not right now|not now",
);

export const OBJECTION: Record<"price" | "competitor" | "timing" | "authority" | "trust", RegExp> = {
  price: rx(
    "(?:prices?|pricing|costs?) (?:look|looks|seem|seems|sound|sounds|are|is) (?:a bit |kind of |way |pretty |really |quite |too )?(?:steep|high|expensive|pricey|a lot)|can't justify (?:the |that |this )?(?:cost|price|spend|expense)|not in (?:the|our|my) budget|out of budget|budget (?:is|was|got|has been) (?:cut|frozen|gone|spent|tight|slashed)|no budget (?:for|left)|(?:cost|price|money) (?:is|would be|will be) (?:a|the|our) (?:problem|issue|concern|hurdle)|worried about (?:the )?(?:cost|price)|(?:so|really|very) (?:expensive|pricey|costly)|(?:costs?|cost us|charge) (?:a fortune|an arm and a leg)|sticking point|barely have (?:anything|any money|a budget|the budget)|money(?:'s| is) (?:tight|short)|can't spend|(?:they|it|theirs|that one) (?:were|was|is) cheaper|too expensive|sounds expensive|(?:that's|that is|it's|seems|looks|way too|really|pretty|quite|very|kinda|kind of) (?:expensive|pricey|steep|a lot of money|a lot)|too (?:pricey|much money|steep|rich for)|(?:costs?|priced) (?:way |far |a bit |a little )?too much|a lot more than (?:we|i) (?:pay|spend|want)|more than (?:we|i) pay|can't afford|cannot afford|can not afford|out of (?:our|my) (?:budget|price range|league)|over (?:our|my) budget|more than (?:we|i) (?:can|want to|wanted to) (?:pay|spend)|(?:we|i) don't have (?:the |that kind of )?(?:money|budget|cash)|no money|tight budget|budget is tight|money is tight|cheaper (?:option|elsewhere|somewhere)|(?:price|cost|that|it) is (?:too )?high|(?:price|pricing|cost)(?:'s| is| seems| sounds) (?:a bit |kind of |way )?(?:high|steep|much)",
  ),
  competitor: rx(
    "(?:we|i)(?:'re| are)? (?:already )?(?:use|using|have|with|on|signed with|went with|going with|happy with|locked in with|under contract with|talking to|looking at) (?:ringcentral|ring central|8x8|vonage|dialpad|zoom phone|zoom|teams|microsoft teams|aircall|nextiva|talkdesk|five9|genesys|grasshopper|ooma|twilio|another (?:provider|company|vendor|system)|a different (?:provider|vendor|system)|someone else|a competitor)|(?:already|currently) (?:have|use|got) (?:a|an|our own) (?:provider|system|solution|vendor|phone system|contract)|(?:happy|satisfied|fine|good) with (?:our|what we|the one we|who we) ?(?:have|current|provider|system|vendor|setup|use)?|(?:under|locked into|locked in|in the middle of|stuck in) (?:a |our |an? [a-z-]+ (?:year|month) )?contract|(?:we|i) (?:just )?(?:switched|moved|signed|went) (?:to|with) (?:a |another |someone|[a-z]+ (?:business|voice|phone))|(?:our|the) current (?:provider|vendor|system|setup|contract) (?:is|works|does|has)|already (?:have|got|use|with) (?:one|someone|something|a provider|a system)|(?:your|a) competitors?|other (?:vendors|providers|options|quotes)|cheaper (?:quote|offer) from|better (?:offer|deal|price) (?:from|elsewhere)|(?:ringcentral|vonage|dialpad|aircall|nextiva|talkdesk|8x8) (?:is|was|does|offers|gave)|(?:just |recently )?(?:renewed|re-signed|signed) (?:with|our|a new)|not paying (?:two|double|for two)|(?:we're|we are) locked in",
  ),
  timing: rx(
    "(?:not|isn't|is not) (?:a )?(?:good|great|the right|right) time|bad (?:time|timing)|not (?:the )?(?:best|right|good) moment|(?:busy|hectic|crazy|chaotic) (?:right now|time|season|period|month|week|at the moment)|(?:we're|we are) (?:moving|relocating|renovating|merging|restructuring|rebuilding)|(?:no|don't have (?:the )?) ?(?:time|bandwidth|capacity) (?:for|to)|timing (?:isn't|is not|is|'s) (?:right|bad|off|not great)|not a priority|not (?:our|my) priority|too busy|swamped|(?:we're|we are|i'm|i am) (?:in the middle of|slammed|buried)|not ready (?:yet|to switch|to change|for this)|too soon|(?:have|got) other priorities|maybe (?:next|in a) (?:year|quarter)|not (?:this|until next) (?:year|quarter)|can't (?:start|take on|do) (?:anything|another|any) (?:new|project)|(?:budget|buying) (?:cycle|freeze)|in the middle of (?:a |an |our )?(?:migration|reorg|move|merger|project|audit|rollout|busy season)|until (?:it's|that's) done|(?:peak|busy|high|slow) season|not touching (?:the|our|anything|it)|(?:during|until after) (?:peak|the busy|the holidays)",
  ),
  authority: rx(
    "(?:have|need|got) to (?:ask|check with|run (?:it|this|that) (?:by|past)|talk to|get approval from|clear (?:it|this) with|consult) (?:my|our|the) (?:boss|partner|wife|husband|spouse|owner|manager|board|cfo|ceo|coo|vp|director|team|it guy|it department|head office|corporate|accountant)|(?:i'm|i am) not the (?:one|person) (?:who|that) (?:decides|makes|signs|approves)|no point (?:talking|speaking) to me|need (?:my|our) (?:[a-z]+ )?(?:partner|boss|wife|husband|board|owner|manager|cfo|ceo) to (?:agree|approve|sign off|ok|okay|say yes)|split (?:these|the|those) decisions|(?:not|isn't|is not) (?:my|up to me|my call|my decision)|(?:i|we) don't (?:make|get to make) (?:the|those|that) (?:decision|call|decisions)|above my pay ?grade|not my (?:department|area|call)|(?:i|we) can't (?:decide|approve|sign|commit) (?:on|to)? ?(?:this|that|anything)|(?:i'd|i would|we'd|we would) have to (?:ask|check with|talk to|run (?:it|this) by|get (?:it )?approved)|need (?:sign-off|sign off|approval)|(?:boss|owner|board|corporate|head office) (?:would|will) (?:have to|need to) (?:approve|decide|sign)",
  ),
  trust: rx(
    "(?:is|this|sounds like|smells like) (?:this |a |like a )?(?:scam|spam|fraud|rip-off|ripoff|con)|scam|scammers?|how did you (?:even )?get (?:my|this|our) (?:number|details|info)|(?:feels|seems|sounds) off|something(?:'s| is) off|who gave you (?:my|this|our) number|never heard of (?:you|your company|nimbus|it)|too good to be true|robocall|telemarketer|suspicious|(?:don't|do not) (?:believe|buy) (?:that|it|you|a word)|prove it|(?:burned|burnt|ripped off) (?:before|by)|sales pitch|(?:i|we) don't trust|don't trust|(?:is|are) (?:this|you|it) (?:legit|legitimate|real|for real)|how do i know (?:you|this|it)|sounds (?:fishy|shady|sketchy)|(?:shady|sketchy|dodgy)|(?:what|who) (?:happens to|sees|gets) (?:my|our) (?:data|recordings|information)|data (?:security|privacy)|burned (?:before|by)|bad (?:experience|reviews)|reviews (?:are|were) (?:bad|terrible)|(?:read|heard|seen) (?:some |a few |bad |mixed )?(?:reviews|stories|complaints|horror stories)|makes me nervous|(?:nervous|worried|concerned) about (?:security|reliability|quality|dropped|outages|the quality|call quality|our data|data)|(?:not sure|don't know if) (?:i|we) (?:can )?trust|trust (?:those|these|your|a new) (?:numbers|claims|stats|vendor|company)|heard that before|can be faked|fake reviews|(?:tried|had) (?:a |one |some )?(?:voip|cloud|similar|something like this)[a-z ]* before|is (?:this|it) (?:stuff )?secure",
  ),
};

export const ACKNOWLEDGEMENT = rx(
  "(?:ok|okay|alright|all right|oh|ah|right|yeah|yes)?,? ?(?:that|it) (?:makes|make) sense|makes sense|fair enough|(?:that's|that is|thats) (?:fair|good to know|reassuring|helpful|a relief|great|good|fine|better|not bad|reasonable|interesting|cool|nice)|good to know|that helps|(?:that|this) (?:does )?help(?:s|ed)?|(?:ok|okay|alright|oh),? (?:got it|i see|gotcha|cool|great|good|nice|fine|sure|fair)|got it|i see|gotcha|sounds (?:good|great|fair|reasonable|better)|(?:oh )?nice|(?:ok|okay),? (?:then|that's)|i can live with that|(?:that's|thats) (?:a )?(?:fair|good) point|i didn't know that|(?:ok|okay|alright),? (?:i'm|we're) (?:listening|open)|(?:ok|okay|alright) thanks|(?:i'm|we're) (?:satisfied|reassured)",
);

/** Sarcasm that needs no target: the phrase alone says it. */
export const STRONG_SARCASM = rx(
  "it's not like (?:i|we|there|anyone|anybody|i've)\\b|never heard that (?:one )?before|let me guess|nothing but time|nobody has ever (?:mentioned|told|said|heard)|sure (?:they|it|you|he|she) (?:do|does|will|are|is|can|did)\\b|just like the last|i bet (?:it|you|that) (?:also |even )?(?:does|will|can|makes|cooks|walks|does my)|(?:love|like) nothing more than|speed of light|brilliant idea|genius idea|yeah,? because|oh,? (?:sure|great|perfect),? (?:take your time|because|that'll|that will|like)|another (?:robot|bot|machine|computer)|yeah,? right|sure you (?:are|do|can|will)|thanks for nothing|what a surprise|big surprise|how original|just what i (?:needed|wanted)|(?:my|the) favorite part of my day|wow,? (?:[a-z]+ )?whole|(?:really|so) (?:helpful|useful),? (?:thanks|not)|as if",
);

export const SARCASM = rx(
  "oh (?:great|wonderful|fantastic|perfect|joy|goody|lovely|brilliant|terrific|super|marvelous|awesome|boy)|yeah,? right|sure you (?:are|do|can|will)|just what i (?:needed|wanted|need)|(?:another|a) (?:robot|bot|machine|computer|ai) (?:call|calling)?|wow,? (?:a |another )?(?:robot|bot|machine)|(?:love|adore|enjoy) (?:talking to|being called by|getting calls from) (?:robots|bots|machines|a robot|a bot)|how (?:original|exciting|delightful|thrilling|fun)|(?:my|the) favorite (?:thing|part of my day)|can't wait|what a (?:surprise|treat|joy)|(?:real|really|so) helpful,? (?:thanks|not)|thanks (?:a lot|for nothing)|(?:big|huge) surprise|(?:i'm|im) (?:so|totally) (?:thrilled|excited)|riveting|(?:clap|slow clap)|(?:yeah|oh),? (?:sure|totally)(?:,? because)?",
);

/** Sarcasm needs a target: an exaggerated positive alone ("oh great, that helps") is sincere. */
export const SARCASM_TARGET = rx(
  "robots?|bots?|machines?|computers?|ai|automated|recording|sales ?calls?|cold calls?|another|again|spam|telemarketer|pitch|calls? like this|interrupt|dinner|listen to you|talking to you|this call|exactly|because|right|sure|nothing|(?:so|totally|really) (?:thrilled|excited)|can't wait|surprise|original|favorite",
);

export const STRONG_NEGATIVE = rx(
  "(?<!hate to (?:say|admit) )wast(?:e|ing) (?:of )?(?:my|our) time|waste of time|ridiculous|absurd|stupid|idiot(?:ic|s)?|useless|pathetic|infuriating|pissed(?: off)?|furious|livid|sick (?:and tired )?of|fed up|i hate(?! to (?:say|admit|ask|bother|break|tell))|hate (?:this|these|you|it|when)|terrible|awful|horrible|worst|garbage|rubbish|crap|crappy|damn|dammit|hell|shit|bullshit|fuck\\w*|screw (?:this|you|that)|shut up|are you kidding(?: me)?|you've got to be kidding|for god's sake|for crying out loud|unbelievable|unacceptable|outrageous|disgusting|i'm done|(?:this|that|you) (?:is|are|'re) (?:useless|pointless|a joke|worthless)|(?:losing|lost|running out of) (?:my )?patience|for the (?:last|third|second|hundredth) time|are you (?:deaf|stupid|even listening|listening to me)|get to the (?:damn |bloody )?point|what a joke|(?:this|that) is insane|enough already|(?:not|stop) listening|you people|what is wrong with you|annoying as|so annoying|really annoying|extremely annoying|incredibly annoying",
);

/** Harsh words about the lead's own situation ("our hold times are awful") describe the need, not the call. */
export const PROBLEM_SUBJECT = rx(
  "our|my|their|current|old|existing|provider|system|phones?|pbx|hold times?|bill|service|setup|customers|reception|line|lines|calls|dropped|before|tried|experience|last (?:one|time|vendor|provider)",
);
export const AT_THE_CALL = rx(
  "you|your|this call|these calls|robots?|bots?|machines?|calling (?:me|us|here)|this is (?:a )?(?:waste|ridiculous|absurd|stupid|insane)",
);

export const MILD_NEGATIVE = rx(
  "i already (?:told|said)|how many times|i've told you|annoy(?:ed|ing)?|frustrat(?:ed|ing)|disappoint(?:ed|ing)|not (?:happy|great|thrilled|impressed|sure|convinced)|meh|unhappy|bothers? me|concerned|worried|skeptical|hmm+|ugh|sigh|hesitant|doubt",
);

export const POSITIVE = rx(
  "great|perfect|awesome|excellent|love (?:it|that)|sounds good|fantastic|wonderful|nice|happy|excited|interested|impressive|amazing|thank you|thanks",
);

export const CONFUSION = rx(
  "(?:i )?(?:don't|do not|didn't|did not) (?:understand|get it|get that|follow|know what (?:you mean|that means|you're (?:talking about|asking|saying)))|(?:i'm|i am|im) (?:confused|lost|not following|not sure what you mean|not sure what that means)|confus(?:ed|ing)|what do you mean|what does (?:that|this|it) mean|what (?:are|were) you (?:talking about|saying|asking)|(?:doesn't|does not|don't|didn't) make (?:any )?sense|makes no sense|(?:sorry|pardon),? what\\?|(?:sorry|pardon|excuse me),? what is (?:this|that|it) for|come again|say (?:that|it) again|repeat (?:that|yourself|the question)|(?:you )?lost me|over my head|what's a [a-z]+\\?|what is (?:an? |the )?[a-z]+\\?|(?:my )?english is not (?:so |very )?good|(?:please,? )?slower|slow down|too fast|^huh\\?$|(?:not|don't) follow(?:ing)?|what\\?+$|wait,? what|i'm not sure i follow|(?:can|could) you explain",
);

export const WRONG_NUMBER = rx(
  "wrong number|(?:you've|you have|you got) the wrong|no (?:one|body) (?:here )?(?:by|named|with) that name|(?:there's|there is) no (?:one|body|business|company) (?:here|by that|named)|(?:doesn't|does not|don't) work here (?:anymore)?|not a business|this is a (?:residence|personal number|home number|private number)|never heard of (?:him|her|them|that (?:person|company|business))|(?:he|she|they) (?:doesn't|don't|no longer) work here|no longer (?:works|with the company)",
);

export const DO_NOT_CALL = rx(
  "do not call|don't call (?:me|us|here|this number)(?: again| anymore| ever)?|stop calling|(?:take|remove|delete) (?:me|us|my number|our number|this number) (?:off|from)|(?:put|add) (?:me|us|this number) (?:on|to) (?:your|the) do not call|do-not-call|unsubscribe|lose (?:my|this|our) number|never call (?:me|us|here) again|don't ever call|quit calling|no more calls|(?:stop|quit) (?:bothering|harassing|pestering) (?:me|us)|leave (?:me|us) alone",
);

export const NOT_INTERESTED = rx(
  "not interested(?! in (?:talking|speaking|a call|a person|sales|being transferred|an agent|a human|a rep))|no thanks|no thank you|we're (?:good|all set|fine|set)|(?:i'm|we are|we're|i am) all set|not for (?:us|me)|(?:we|i) (?:don't|do not) need (?:it|this|that|a new|any|your)|(?:we'll|i'll) pass|no interest|not (?:looking|in the market)(?: for| to)|(?:have|got) no (?:need|use) for|(?:we|i) (?:won't|will not) be (?:switching|changing|buying)|(?:not|never) going to (?:switch|change|buy)|(?:not|never) switching|(?:please |just )?don't bother",
);

export const DEFERRAL = rx(
  "(?:call|ring|try|reach|contact|check with|follow up with|circle back with|get back to|hit) (?:me|us) (?:back )?(?:again )?(?:in|next|later|after|another|around|closer to|at the end of|towards|toward|early|some other|when|once|in a few)|(?:call|ring) back (?:later|next|in|another|after)|(?:reach|check|circle|follow) (?:out|back|up) (?:again )?(?:in|next|later|after|closer|around|at|early)|(?:try|call) again (?:in|next|later|after)|(?:maybe|perhaps|possibly)? ?(?:next|in a) (?:year|quarter|few months|couple (?:of )?months)|(?:send|email) (?:me|us) (?:some |more )?(?:info|information|details|a brochure|something|an email|literature|materials)|not (?:right )?now,? (?:but|maybe)|ask (?:me|us) again|revisit (?:this|it) (?:later|next|in)|after (?:the holidays|the new year|our busy season|we move|the merger)",
);
