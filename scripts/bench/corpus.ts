// Deterministic generated text for the benchmark: chat messages of mixed lengths (prose,
// lists, tables, fenced code, some with thinking) and the long streamed reply. Words follow
// a Zipf-like distribution over a real vocabulary, so search sees common and rare terms as
// a real history would.

export type Rng = () => number;

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// Most frequent first: index i is drawn with weight 1/(i+1).
const VOCABULARY = (
  'the to of and a in is it you that for this with on be are as can use not if your or have will from but at by an we one ' +
  'all so what when there which more data function value code file time way need make also new set first like example return ' +
  'error because each model other then only just how some into should type user work call output change run used state list ' +
  'request server string number check test case version result problem different memory create update question answer method ' +
  'object array query write read line point both simple key default class option support thread process order level system ' +
  'network message event component render performance cache index table column database transaction migration schema backup ' +
  'stream buffer token latency parser frame browser window layout scroll virtual markdown syntax highlight language compiler ' +
  'runtime module package dependency install build deploy release configuration environment variable secret password account ' +
  'service client provider endpoint header status timeout retry backoff connection socket protocol handshake certificate ' +
  'encryption signature verify attestation privacy policy budget price cost invoice currency estimate summary report chart ' +
  'garden recipe travel museum history physics chemistry biology astronomy geometry algebra calculus statistics probability ' +
  'theorem proof lemma matrix vector tensor gradient optimizer learning training inference embedding attention transformer ' +
  'kubernetes docker container cluster node pod volume ingress gateway proxy firewall router switch packet latency bandwidth ' +
  'postgres sqlite mysql redis kafka rabbitmq elasticsearch lucene tokenizer stemming ranking relevance snippet highlight ' +
  'refactor rename extract inline closure generic interface union intersection discriminated narrowing inference annotation ' +
  'lisbon porto madrid barcelona paris berlin vienna prague budapest warsaw krakow helsinki oslo stockholm copenhagen dublin ' +
  'violin cello piano guitar trumpet clarinet oboe bassoon timpani harp orchestra symphony concerto sonata quartet fugue ' +
  'photosynthesis mitochondria ribosome enzyme protein genome chromosome mutation evolution ecosystem biodiversity ' +
  'quasar pulsar nebula galaxy supernova exoplanet asteroid comet meteor eclipse solstice equinox aurora ' +
  'sourdough focaccia risotto paella gazpacho ratatouille bouillabaisse tiramisu croissant baguette espresso cappuccino'
).split(' ');
const CUM: number[] = [];
{
  let s = 0;
  for (let i = 0; i < VOCABULARY.length; i++) CUM.push((s += 1 / (i + 1)));
}

export function word(r: Rng): string {
  const x = r() * CUM[CUM.length - 1]!;
  let lo = 0;
  let hi = CUM.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUM[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

function sentence(r: Rng): string {
  const n = between(r, 6, 20);
  const ws: string[] = [];
  for (let i = 0; i < n; i++) ws.push(word(r));
  if (r() < 0.2) ws[between(r, 0, n - 1)] = `**${ws[between(r, 0, n - 1)]}**`;
  if (r() < 0.2) ws[between(r, 0, n - 1)] = `\`${ws[between(r, 0, n - 1)]}\``;
  const s = ws.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + pick(r, ['.', '.', '.', '?', '!']);
}

export function paragraph(r: Rng, sentences = between(r, 2, 6)): string {
  return Array.from({ length: sentences }, () => sentence(r)).join(' ');
}

const IDENT = ['items', 'result', 'config', 'cache', 'index', 'stream', 'buffer', 'frame', 'token', 'row', 'query', 'value'];
const LANGS = ['ts', 'python', 'rust', 'sql', 'bash', 'json'] as const;

function codeLine(r: Rng, lang: (typeof LANGS)[number], depth: number): string {
  const a = pick(r, IDENT);
  const b = pick(r, IDENT);
  const n = between(r, 1, 999);
  const pad = '  '.repeat(depth);
  switch (lang) {
    case 'ts':
      return pad + pick(r, [`const ${a} = await ${b}.get(${n});`, `if (${a}.length > ${n}) return ${b};`, `export function ${a}(${b}: string[]): number {`, `${a}.push({ id: ${n}, name: '${b}' });`, `for (const x of ${a}) total += x.${b};`, `}`]);
    case 'python':
      return pad + pick(r, [`${a} = ${b}.get(${n})`, `if len(${a}) > ${n}:`, `def ${a}(${b}: list[str]) -> int:`, `return [x for x in ${a} if x.${b}]`, `print(f"{${a}=}")`]);
    case 'rust':
      return pad + pick(r, [`let ${a} = ${b}.get(${n})?;`, `fn ${a}(${b}: &[u8]) -> usize {`, `match ${a} { Some(v) => v, None => ${n} }`, `}`, `${a}.push(${n});`]);
    case 'sql':
      return pad + pick(r, [`SELECT ${a}, ${b} FROM t${n % 9} WHERE id = ${n};`, `CREATE INDEX ${a}_by_${b} ON ${a}(${b});`, `UPDATE ${a} SET ${b} = ${n};`]);
    case 'bash':
      return pad + pick(r, [`npm run ${a} -- --${b}`, `grep -rn ${a} src/ | head -${n % 50}`, `export ${a.toUpperCase()}=${n}`, `cd ${a} && make ${b}`]);
    case 'json':
      return pad + pick(r, [`"${a}": ${n},`, `"${b}": "${a}",`, `"${a}": [${n}, ${n + 1}],`]);
  }
}

export function codeBlock(r: Rng, lines = between(r, 4, 30)): string {
  const lang = pick(r, LANGS);
  const out = ['```' + lang];
  for (let i = 0; i < lines; i++) out.push(codeLine(r, lang, between(r, 0, 2)));
  out.push('```');
  return out.join('\n');
}

function bulletList(r: Rng): string {
  return Array.from({ length: between(r, 2, 6) }, () => `- ${sentence(r)}`).join('\n');
}

function table(r: Rng): string {
  const cols = between(r, 2, 4);
  const head = Array.from({ length: cols }, () => word(r));
  const rows = Array.from({ length: between(r, 2, 6) }, () => `| ${Array.from({ length: cols }, () => word(r)).join(' | ')} |`);
  return [`| ${head.join(' | ')} |`, `|${' --- |'.repeat(cols)}`, ...rows].join('\n');
}

/** A user message: usually a question, sometimes a pasted block. */
export function userText(r: Rng): string {
  const x = r();
  if (x < 0.7) return paragraph(r, between(r, 1, 2));
  if (x < 0.9) return paragraph(r, between(r, 3, 6));
  return `${paragraph(r, 1)}\n\n${codeBlock(r, between(r, 5, 25))}`;
}

/** An assistant reply: 30% short, 40% medium, 25% with code, 5% long. */
export function assistantText(r: Rng): string {
  const x = r();
  if (x < 0.3) return paragraph(r, between(r, 1, 3));
  const parts: string[] = [];
  const n = x < 0.7 ? between(r, 2, 4) : x < 0.95 ? between(r, 3, 6) : between(r, 10, 20);
  const code = x >= 0.7;
  for (let i = 0; i < n; i++) {
    const y = r();
    if (code && (i === 1 || y < 0.25)) parts.push(codeBlock(r));
    else if (y < 0.4) parts.push(bulletList(r));
    else if (y < 0.45) parts.push(table(r));
    else if (y < 0.5) parts.push(`## ${word(r)} ${word(r)}`);
    else parts.push(paragraph(r));
  }
  return parts.join('\n\n');
}

export function reasoningText(r: Rng): string {
  return Array.from({ length: between(r, 1, 4) }, () => paragraph(r)).join('\n\n');
}

/**
 * The streamed reply: sections of headings, prose, lists, tables and code, exactly
 * `tokens * chunkSize` code points long (the emulator sends `chunkSize` code points a token).
 */
export function streamText(tokens: number, chunkSize: number, seed = 42): string {
  const r = rng(seed);
  const target = tokens * chunkSize;
  const parts: string[] = [];
  let len = 0;
  while (len < target) {
    const y = r();
    const p = y < 0.12 ? `## ${word(r)} ${word(r)} ${word(r)}` : y < 0.3 ? codeBlock(r, between(r, 6, 24)) : y < 0.42 ? bulletList(r) : y < 0.47 ? table(r) : paragraph(r);
    parts.push(p);
    len += p.length + 2;
  }
  let text = parts.join('\n\n');
  text = text.slice(0, target);
  // Close a fence cut in half so the finished reply is well-formed (still exactly `target` long).
  const fences = text.split('\n').filter((l) => l.startsWith('```')).length;
  if (fences % 2 === 1) text = text.slice(0, target - 4) + '\n```';
  return text;
}

/**
 * The characters a reader sees of Markdown source, counted the way the page probe counts
 * painted text: letters and digits only (syntax marks, spaces and fence lines carry none).
 */
export function visibleCount(markdown: string): number {
  let n = 0;
  for (const line of markdown.split('\n')) {
    if (line.trimStart().startsWith('```')) continue;
    n += countAlnum(line);
  }
  return n;
}

export function countAlnum(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}
