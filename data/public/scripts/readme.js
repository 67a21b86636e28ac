'use strict';
// Renders ../README.md from README.template.md, filling {{counts:<name>}}, {{intents:<name>}} and {{total}}
// from ../stats/<name>.json (written by the per-source scripts).
const fs = require('fs');
const path = require('path');
const OUT = path.resolve(__dirname, '..');
const stats = (n) => JSON.parse(fs.readFileSync(path.join(OUT, 'stats', `${n}.json`), 'utf8'));
const LABEL_ORDER = ['person_request', 'buy_now', 'price_request', 'quote_request', 'contract_request', 'enroll_request', 'confusion', 'acknowledgement'];
const BUY = ['buy_now', 'price_request', 'quote_request', 'contract_request', 'enroll_request'];

function countsTable(names) {
  const rows = [];
  const tot = { train: {}, heldout: {} };
  for (const n of names) {
    const c = stats(n).counts;
    for (const sp of ['train', 'heldout']) for (const [k, v] of Object.entries(c[sp])) tot[sp][k] = (tot[sp][k] || 0) + v;
  }
  const labels = LABEL_ORDER.filter((l) => tot.train[l] || tot.heldout[l]);
  rows.push(`| split | examples | [] (no signal) | ${labels.join(' | ')} |`);
  rows.push(`|---|---|---|${labels.map(() => '---').join('|')}|`);
  for (const sp of ['train', 'heldout']) {
    rows.push(`| ${sp} | ${tot[sp]._all || 0} | ${tot[sp]._none || 0} | ${labels.map((l) => tot[sp][l] || 0).join(' | ')} |`);
  }
  return rows.join('\n');
}

function intentsTable(name) {
  const s = stats(name);
  const lines = fs.readFileSync(path.join(OUT, `${name}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const labelsOf = {};
  for (const e of lines) labelsOf[e.source.slice(name.length + 1)] = e.labels;
  const rows = ['| source intent | labels | train kept (of) | heldout |', '|---|---|---|---|'];
  const keys = Object.keys(s.perIntent.kept).sort((a, b) => (labelsOf[b].length - labelsOf[a].length) || a.localeCompare(b));
  const none = [];
  for (const k of keys) {
    const l = labelsOf[k];
    const kept = s.perIntent.kept[k];
    const av = s.perIntent.available[k];
    if (!l.length) { none.push(`${k} (${kept.train}/${kept.heldout})`); continue; }
    rows.push(`| \`${k}\` | ${l.join(', ')} | ${kept.train} (${av.train}) | ${kept.heldout} |`);
  }
  rows.push(`| all other intents below | [] | | |`);
  if (name === 'nlupp') { // [] buckets are module combinations there, too many to list
    return rows.join('\n') + `\n\n${none.length} module combinations mapped to \`[]\`; per-combination counts in \`stats/${name}.json\` (perIntent).`;
  }
  return rows.join('\n') + `\n\nIntents mapped to \`[]\` (train/heldout kept): ${none.join(', ')}.`;
}

const ALL = ['clinc150', 'banking77', 'bitext-customer-support', 'nlupp', 'hwu64', 'hint3'];
let md = fs.readFileSync(path.join(__dirname, 'README.template.md'), 'utf8');
md = md.replace(/\{\{counts:([\w-]+)\}\}/g, (_, n) => countsTable([n]));
md = md.replace(/\{\{intents:([\w-]+)\}\}/g, (_, n) => intentsTable(n));
md = md.replace(/\{\{guarded:([\w-]+)\}\}/g, (_, n) => String(stats(n).guardedTotal));
md = md.replace(/\{\{total\}\}/g, () => countsTable(ALL));
md = md.replace(/\{\{buyheldout\}\}/g, () => {
  let pos = 0, neg = 0;
  for (const n of ALL) {
    for (const l of fs.readFileSync(path.join(OUT, `${n}.jsonl`), 'utf8').trim().split('\n')) {
      const e = JSON.parse(l);
      if (e.split !== 'heldout') continue;
      if (e.labels.some((x) => BUY.includes(x))) pos++; else if (!e.labels.length) neg++;
    }
  }
  return `${pos} heldout buying-request examples, ${neg} heldout [] examples`;
});
fs.writeFileSync(path.join(OUT, 'README.md'), md);
console.log('README.md written');
