'use strict';
// Re-creates raw/ from bare git mirrors of the source repositories (pinned commits), e.g.
//   MIRROR=/work/.mirror node extract-raw.js      (expects $MIRROR/<owner>+<name>/repo, as made by `git clone --mirror`)
// Only the files the mapping scripts read are copied, plus each source's licence and README.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const RAW = path.resolve(__dirname, '..', 'raw');
const MIRROR = process.env.MIRROR || '/work/.mirror';

const SOURCES = [
  { dir: 'clinc150', repo: 'clinc/oos-eval', commit: '828f8093932c8fe6ca7936c3d2e52903b1c523de',
    files: ['LICENSE', 'README.md', 'data/data_full.json'] },
  { dir: 'banking77', repo: 'PolyAI-LDN/task-specific-datasets', commit: '57ec275d8078af65b7731c2a98be812d844a6d6b',
    files: ['LICENSE', 'README.md', 'banking_data/train.csv', 'banking_data/test.csv', 'banking_data/categories.json'] },
  { dir: 'nlupp', repo: 'PolyAI-LDN/task-specific-datasets', commit: '57ec275d8078af65b7731c2a98be812d844a6d6b',
    files: ['LICENSE', 'nlupp/README.md', 'nlupp/data/ontology.json',
      ...['banking', 'hotels'].flatMap((d) => Array.from({ length: 20 }, (_, i) => [`nlupp/data/${d}/fold${i}.json`, `${d}/fold${i}.json`]))] },
  { dir: 'bitext-customer-support', repo: 'bitext/customer-support-llm-chatbot-training-dataset', commit: '8b6ca3d9559a4a9abab94f7978fae67019215a82',
    files: ['LICENSE.txt', 'README.md', 'TAGS.md', 'data/train/Bitext_Sample_Customer_Support_Training_Dataset.csv'] },
  { dir: 'hint3', repo: 'hellohaptik/HINT3', commit: '99965c892ea9a6801a87083d3861b0b04c91a4e7',
    files: ['LICENSE.md', 'README.md', ...['sofmattress', 'curekart'].flatMap((b) => [
      [`dataset/v2/train/${b}_train.csv`, `${b}_train.csv`], [`dataset/v2/test/${b}_test.csv`, `${b}_test.csv`]])] },
  { dir: 'hwu64', repo: 'xliuhw/NLU-Evaluation-Data', commit: 'f6071b496b17d71e6eb43f543af0707f4ff30557', kfold: true,
    files: ['LICENSE', 'README.md'] },
];

const git = (gitDir, ...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 28 });
for (const s of SOURCES) {
  const gitDir = path.join(MIRROR, s.repo.replace('/', '+'), 'repo');
  const files = s.files.map((f) => (Array.isArray(f) ? f : [f, path.basename(f)]));
  if (s.kfold) {
    const base = 'CrossValidation/autoGeneFromRealAnno/autoGene_2018_03_22-13_01_25_169/CrossValidation/KFold_1';
    const list = git(gitDir, 'ls-tree', '-r', '--name-only', s.commit, `${base}/trainset`, `${base}/testset/csv`).toString().trim().split('\n');
    for (const f of list) files.push([f, `${f.includes('/trainset/') ? 'trainset' : 'testset'}/${path.basename(f)}`]);
  }
  for (const [src, dst] of files) {
    const out = path.join(RAW, s.dir, dst);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, git(gitDir, 'show', `${s.commit}:${src}`));
  }
  console.log(`${s.dir}: ${files.length} files from ${s.repo}@${s.commit.slice(0, 10)}`);
}
