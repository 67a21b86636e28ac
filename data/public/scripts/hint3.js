'use strict';
// HINT3 (hellohaptik/HINT3 @ 99965c89, dataset/v2/{train,test}/{sofmattress,curekart}_*.csv) -> hint3.jsonl
// Real users typing to two Indian online sellers' support bots: SOF Mattress and CureKart (supplements).
const fs = require('fs');
const path = require('path');
const { RAW, parseCsv, build } = require('./lib');

// Per-example exclusions (counted in stats/hint3.json -> excluded): in MATTRESS_COST, asking for a *lower*
// price ("Low price", "What is the less price") reads as haggling (objection_price) as much as a price question.
const EXCLUDE = { 'sofmattress/MATTRESS_COST': /\b(low|lower|less)\b/i };

const items = [];
const excluded = {};
for (const bot of ['sofmattress', 'curekart']) {
  for (const part of ['train', 'test']) {
    const rows = parseCsv(fs.readFileSync(path.join(RAW, 'hint3', `${bot}_${part}.csv`), 'utf8'));
    if (rows[0].join(',') !== 'sentence,label') throw new Error(`${bot}_${part}.csv: unexpected header ${rows[0]}`);
    for (const r of rows.slice(1)) {
      if (r.length !== 2) continue; // one CureKart row has a stray third field
      const intent = `${bot}/${r[1]}`;
      if (EXCLUDE[intent] && EXCLUDE[intent].test(r[0])) { (excluded[intent] = excluded[intent] || []).push(r[0]); continue; }
      items.push({ text: r[0], intent });
    }
  }
}

const E = [];
const DROP = null;
const mapping = {
  'sofmattress/MATTRESS_COST': ['price_request'], // "How much does a SOF mattress cost", "What is the price of mattress with size 75x70 inch?"
  // after the sale: order status, delay, cancellation, returns -> []
  'sofmattress/ORDER_STATUS': E, 'sofmattress/DELAY_IN_DELIVERY': E, 'sofmattress/CANCEL_ORDER': E,
  'sofmattress/RETURN_EXCHANGE': E,
  'curekart/ORDER_STATUS': E, 'curekart/DELAY_IN_PARCEL': E, 'curekart/CANCEL_ORDER': E,
  'curekart/MODIFY_ADDRESS': E, 'curekart/REFUNDS_RETURNS_REPLACEMENTS': E,
  // mixed: a person request, a callback and "I want to buy" under one intent
  'sofmattress/LEAD_GEN': DROP, 'curekart/CHAT_WITH_AGENT': DROP, // the latter also holds complaints ("you guys are fraud")
  // pre-sales questions: buying interest without a LABELS.md request; neither [] nor a request label is safe
  'sofmattress/100_NIGHT_TRIAL_OFFER': DROP, 'sofmattress/ABOUT_SOF_MATTRESS': DROP, 'sofmattress/CHECK_PINCODE': DROP,
  'sofmattress/COD': DROP, 'sofmattress/COMPARISON': DROP, 'sofmattress/DISTRIBUTORS': DROP, 'sofmattress/EMI': DROP,
  'sofmattress/ERGO_FEATURES': DROP, 'sofmattress/ORTHO_FEATURES': DROP, 'sofmattress/OFFERS': DROP,
  'sofmattress/PILLOWS': DROP, 'sofmattress/PRODUCT_VARIANTS': DROP, 'sofmattress/SIZE_CUSTOMIZATION': DROP,
  'sofmattress/WARRANTY': DROP, 'sofmattress/WHAT_SIZE_TO_ORDER': DROP,
  'curekart/ORDER_TAKING': DROP, 'curekart/RESUME_DELIVERY': DROP, 'curekart/SIGN_UP': DROP, 'curekart/CHECK_PINCODE': DROP,
  'curekart/RECOMMEND_PRODUCT': DROP, 'curekart/CONSULT_START': DROP, 'curekart/EXPIRY_DATE': DROP,
  'curekart/ORIGINAL_PRODUCT': DROP, 'curekart/MODES_OF_PAYMENTS': DROP, 'curekart/INTERNATIONAL_SHIPPING': DROP,
  'curekart/IMMUNITY': DROP, 'curekart/SIDE_EFFECT': DROP, 'curekart/USER_GOAL_FORM': DROP,
  // contact details, franchise, referral, app or bill issues, restart: not about this sale or not clear
  'curekart/CALL_CENTER': DROP, 'curekart/FRANCHISE': DROP, 'curekart/REFER_EARN': DROP, 'curekart/WORK_FROM_HOME': DROP,
  'curekart/PAYMENT_AND_BILL': DROP, 'curekart/PORTAL_ISSUE': DROP, 'curekart/START_OVER': DROP,
  'curekart/ORDER_QUERY': DROP, 'curekart/STORE_INFORMATION': DROP,
  // the test files' out-of-scope bucket: unlabeled, could be anything
  'sofmattress/NO_NODES_DETECTED': DROP, 'curekart/NO_NODES_DETECTED': DROP,
};
const s = build({ name: 'hint3', items, mapping });
s.excluded = excluded;
s.excludedTotal = Object.values(excluded).reduce((a, v) => a + v.length, 0);
fs.writeFileSync(path.join(__dirname, '..', 'stats', 'hint3.json'), JSON.stringify(s, null, 1) + '\n');
console.log(`excluded before mapping: ${s.excludedTotal}`);
