'use strict';
// NLU++ (PolyAI-LDN/task-specific-datasets, nlupp/data/{banking,hotels}/fold*.json) -> nlupp.jsonl
// NLU++ is multi-label: each turn carries a set of intent modules (e.g. make_open_apply_setup_get_activate + loan + new).
// Baton labels are assigned per example by the rules below (first matching rule wins); the "source intent" written to
// `source` is nlupp:<domain>/<rule> for mapped rules and nlupp:<domain>/<sorted modules> for the [] remainder.
const fs = require('fs');
const path = require('path');
const { RAW, build } = require('./lib');

const PERSON = /\b(person|human|agent|someone|somebody|manager|worker|representative|rep|operator|staff|advisor|adviser|employee|colleague|real one)\b/i;
const ENROL = /\b(open|opening|apply|applying|application|take out|taking out|get (a|an|another|2|two) (new )?(\w+ )?(loan|mortgage|account|credit card|overdraft)|new (\w+ )?(account|loan|mortgage))\b/i;
const NOT_ENROL = /\b(activate|activation|transfer|top ?up|withdraw\w*|lost|stolen|replace\w*|move|pay|close|cancel|unblock|meeting|appointment|branch|if (i|we)|can't|cannot|will (anything|i get|it))\b/i;
const PRICE_HOTEL = /\b(how much|cost|costs|price|prices|fee|fees)\b/i;
const PRICE_BANK_OFFER = /\b(your|you charge|do you|what are the (fees|rates|costs?)|how much (would|do|does|will) you)\b/i;
// only rates/fees of a product on offer (account, loan, mortgage, overdraft); fees of a transaction feature
// (transfers, ATM, direct debits) are left out, as in BANKING77, since existing customers ask those as service questions
const BANK_PRODUCT_TEXT = /\b(accounts?|loans?|mortgages?|overdraft|isa)\b/i;
const NOT_PRICE_BANK = /\b(transfer\w*|withdraw\w*|atm|direct debits?|insane|too (much|high|expensive)|ridiculous|outrageous)\b/i;
const NOT_PRICE_HOTEL = /\b(arriv\w*|check ?in|check ?out|late|later|early|earlier)\b/i;
const FIRST_PERSON_EXISTING = /\b(my|i was|me|i've|i have been|did i)\b/i;
const BANK_PRODUCTS = ['account', 'loan', 'mortgage', 'credit', 'savings', 'current', 'business', 'overdraft'];

function rule(domain, m, t) {
  const has = (x) => m.has(x);
  // ambiguous general modules: tone/acknowledgement/confusion not annotated the Baton way
  for (const x of ['acknowledge', 'thank', 'repeat', 'dont_know', 'end_call']) if (has(x)) return { drop: x };
  if (has('handoff')) {
    if (!has('deny') && PERSON.test(t)) return { name: 'handoff+person', labels: ['person_request'] };
    return { drop: 'handoff-other' }; // "this is really frustrating", "No, you don't need to transfer me to a real person", deny+handoff
  }
  if (domain === 'banking' && has('make_open_apply_setup_get_activate') && BANK_PRODUCTS.some(has)) {
    if (ENROL.test(t) && !NOT_ENROL.test(t) && !has('existing') && !has('deny')) return { name: 'open_apply+product', labels: ['enroll_request'] };
  }
  if (domain === 'banking' && has('fees_interests')) {
    const bad = ['why', 'existing', 'wrong_notworking_notshowing', 'refund', 'cancel_close_leave_freeze', 'change', 'less_lower_before', 'more_higher_after'];
    if (!bad.some(has) && PRICE_BANK_OFFER.test(t) && BANK_PRODUCT_TEXT.test(t) && !NOT_PRICE_BANK.test(t) && !FIRST_PERSON_EXISTING.test(t)) return { name: 'fees_interests+offer', labels: ['price_request'] };
    return { drop: 'fees_interests-other' }; // existing charges, complaints ("your overdraft fees are insane!" = objection_price)
  }
  if (domain === 'hotels' && has('how_much')) {
    if (PRICE_HOTEL.test(t) && !NOT_PRICE_HOTEL.test(t) && !has('limits') && !has('existing')) return { name: 'how_much+price', labels: ['price_request'] };
    return { drop: 'how_much-other' };
  }
  if (domain === 'hotels' && has('booking') && !has('existing') && !has('cancel_close_leave_freeze') && !has('change')) {
    return { drop: 'new-booking' }; // "I need to book for 4 rooms": a purchase from the hotel, but availability questions mixed in
  }
  if (has('make_open_apply_setup_get_activate') && (has('new') || ENROL.test(t))) return { drop: 'make_open-new' };
  // pre-sales product inquiries ("do you offer accounts for small businesses?", "how can i be eligible to take a loan",
  // "hi, im a new customer") and other open/apply turns on a product: buying interest without a LABELS request -> dropped
  if (BANK_PRODUCTS.some(has) && /\b(offer|offers|options|eligib\w*|new customer|maximum|max)\b|\bcan i get\b/i.test(t)) return { drop: 'product-inquiry' };
  if (/\bnew customer\b|\b(you|you guys|the resort|the hotel) offer\b|\boptions\b|\bmaximum\b|\bprogramm?e?\b/i.test(t)) return { drop: 'product-inquiry' };
  if (domain === 'banking' && has('make_open_apply_setup_get_activate') && BANK_PRODUCTS.some(has) && !has('transfer_payment_deposit')) return { drop: 'make_open-product' };
  return { name: [...m].sort().join('+') || 'no_intent', labels: [] };
}

const items = [];
const dropped = {};
for (const domain of ['banking', 'hotels']) {
  for (let i = 0; i < 20; i++) {
    for (const e of JSON.parse(fs.readFileSync(path.join(RAW, 'nlupp', domain, `fold${i}.json`), 'utf8'))) {
      const r = rule(domain, new Set(e.intents || []), e.text);
      if (r.drop) { (dropped[`${domain}/${r.drop}`] = dropped[`${domain}/${r.drop}`] || []).push(e.text); continue; }
      items.push({ text: e.text, intent: `${domain}/${r.name}`, labels: r.labels });
    }
  }
}
const mapping = {};
for (const it of items) mapping[it.intent] = it.labels;
const s = build({ name: 'nlupp', items, mapping });
s.droppedByRule = Object.fromEntries(Object.entries(dropped).map(([k, v]) => [k, v.length]));
s.droppedExamples = dropped;
fs.writeFileSync(path.join(__dirname, '..', 'stats', 'nlupp.json'), JSON.stringify(s, null, 1) + '\n');
console.log(JSON.stringify(s.droppedByRule));
