/**
 * The commented starter `npm run campaign -- new` writes: a whole, valid campaign a contact center edits
 * into its own (every field is explained where it stands; the JSON Schema completes the rest in editors).
 */
export function campaignStarter(id: string): string {
  return `# yaml-language-server: $schema=../contracts/json-schema/campaign.json
# A Baton campaign. Check it with: npm run campaign -- check campaigns/${id}.yaml
# Score it with:                 npm run eval -- <your-corpus.jsonl>   (conversations naming campaign "${id}")

# Lower-kebab-case; the contact flow passes it as the campaignId attribute.
id: ${id}
name: Solar installs, inbound quote line
product:
  name: SunRoof Solar
  company: SunRoof
  # One line the AI may use to say what is sold.
  pitch: rooftop solar panels and home batteries, installed and financed

# What the AI qualifies before a closer takes over (at most 20). Kinds:
#   amount    money, ranges and bounds ("around 20k", "under 200 a month")
#   authority who decides (decision_maker, joint, not_decision_maker)
#   timeline  when ("next month", "by March 15"), bucketed by days from the call
#   category  one of your values, recognised by similarity to a few examples each
slots:
  - name: interest
    label: Interest
    description: What the caller wants installed.
    required: true
    kind: category
    # Said by the AI when this slot is still missing.
    question: Are you looking at solar panels, a home battery, or both?
    # Words in the AI's line that show it asked for this slot, so a bare answer ("both") is attributed.
    askedBy: [panels, battery, looking at]
    values:
      # A value: a label for the closer and five to fifteen ways a caller says it. Similar wordings,
      # speech transcripts ("dont", no punctuation) and small typos match too: no need to list them all.
      panels:
        label: Solar panels
        examples:
          - solar panels on my roof
          - put panels on the house
          - go solar
          - rooftop solar
      battery:
        label: Home battery
        examples:
          - a home battery
          - backup power when the grid goes down
          - store the power for the night
      both:
        label: Panels and battery
        examples:
          - panels and a battery
          - the whole system with storage
        # Short answers counted only right after the AI asked this slot's question.
        whenAsked: [both]
  - name: monthly_bill
    label: Electricity bill
    description: What the household pays for electricity.
    required: true
    kind: amount
    question: Roughly what is your electricity bill in a typical month?
    askedBy: [bill, pay, electricity]
  - name: homeowner
    label: Decides on the house
    description: Whether the caller owns the house and decides.
    required: true
    kind: authority
    question: Are you the homeowner, and would anyone else be part of the decision?
    askedBy: [homeowner, decision, decide, anyone else]
  - name: timeline
    label: Timeline
    description: When they want it installed.
    required: false
    kind: timeline
    question: When would you ideally like it installed?
    askedBy: [when, installed, timeline]

# Optional: the defaults suit most campaigns.
timing:
  # "qualified" never fires before this many customer turns.
  minCustomerTurnsBeforeQualified: 2

script:
  greeting: Thanks for calling SunRoof Solar. Are you looking into solar for your home?
  # Said instead of the greeting when the lead calls back: never re-introduce.
  resume: Welcome back. I have the notes from last time, so let's carry on.
  handoff: Let me bring in one of our solar advisors now; they'll have everything we covered.
  nurture: No problem, we'll follow up at a better time. Thanks for calling!
  end: Understood, thank you for your time.
  wrapUp: Thanks, that's everything I needed. Anything else you'd like to know?
  # One short answer per objection kind (price, competitor, timing, authority, trust).
  objectionAnswers:
    price: Most households pay less per month on financing than they saved on the bill.
    trust: SunRoof is licensed and insured, and every install carries a 25-year warranty.

# The Connect queue (by name) per reason for the handoff: queues the deployment has (the default campaign's
# routes and the queues context); \`npm run campaign -- check\` beside cdk.json names any other.
routes:
  customer_request: baton-closers
  buying_intent: baton-closers
  complex: baton-senior-closers
  qualified: baton-closers
  system_fallback: baton-closers

# Optional: this campaign's own Lex bot. Without it the default bot (en_US) takes the calls; campaigns with
# the same locale and intents share a bot. Another language needs its own phrases for at least one intent.
# lex:
#   locale: en_GB
#   intents:
#     RequestQuote:                 # more phrases for a built-in intent
#       utterances: [could you price up a system for my roof]
#     BookSurvey:                   # a new intent, with the signal it stands for
#       signal: buy_now
#       utterances: [send someone out to survey the roof, book the site survey]
`;
}
