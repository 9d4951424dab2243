/**
 * Resolves links to ids inside the report (`[see](#legal-framework)`, `[](#publish-results)`):
 * the target must be a heading or a recommendation. A link with no text gets the language's words
 * for it, from the labels (“recommendation 7”, “section IV”); a link whose text is the labels' word
 * in the grammar of its sentence keeps it and gets the number where the label puts it
 * (`[рекомендацией](#publish-results)` → “рекомендацией 7”, `[ұсынымда](#…)` → “7-ұсынымда”),
 * unless the text already holds a number; any other text stays as written. A subsection is named with its section
 * (“section IV.B”). An unknown target is an error. Each resolved link records what it points to in
 * `link.data.target`.
 */
import type { Link, PhrasingContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { TransformContext } from './context.js';
import type { OutlineEntry } from '../model/types.js';
import { fill } from '../util/templates.js';
import { plainText } from '../model/plain-text.js';
import { didYouMean } from '../util/nearest.js';

/** Each numbered heading's full numeral: `IV` for a section, `IV.B` for a subsection of it. */
function fullNumerals(outline: OutlineEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  let section: string | undefined;
  for (const entry of outline) {
    if (entry.depth === 1) section = entry.numeral;
    if (!entry.numeral) continue;
    out.set(entry.id, entry.depth > 1 && section ? `${section}.${entry.numeral}` : entry.numeral);
  }
  return out;
}

/**
 * How a label places its number: `рекомендация {{number}}` after the word, `{{number}}-ұсыным`
 * before it (with `-`). The word is what a link's text must contain (an inflected form of it) to get
 * the number: `[рекомендацией](#x)`, `[ұсынымда](#x)`, `[subsection](#y)`; other link texts
 * (`[back](#y)`) stay as written.
 */
function labelForm(label: string): { word: string; before: boolean; joiner: string } | undefined {
  const m = /^(.*?)\{\{\s*(?:number|numeral)\s*\}\}(.*)$/su.exec(label);
  if (!m) return undefined;
  const [head, tail] = [m[1]!, m[2]!];
  if (head.trim()) return { word: head.trim().split(/\s+/).at(-1)!, before: false, joiner: ' ' };
  const joiner = /^[^\p{L}]*/u.exec(tail)![0] || ' ';
  return { word: tail.trim().replace(/^[^\p{L}]+/u, '').split(/\s+/)[0] ?? '', before: true, joiner };
}

function mentions(text: string, word: string): boolean {
  if ([...word].length < 3) return false;
  const stem = [...word.toLocaleLowerCase()].slice(0, Math.max(3, Math.ceil([...word].length * 0.6))).join('');
  return text.toLocaleLowerCase().split(/[\s-]+/).some((w) => w.includes(stem));
}

/** The number added to the link's text as the label places it, when the text names what the label names and holds no number yet. */
function addNumber(children: PhrasingContent[], number: string, label: string): PhrasingContent[] {
  const text = plainText(children);
  const form = labelForm(label);
  const words = text.split(/\s+/).map((w) => w.replace(/[.,;:()«»“”]+$/u, ''));
  if (!form || !text || /\d/.test(text) || words.includes(number) || !mentions(text, form.word)) return children;
  if (form.before) {
    const first = children[0];
    if (first?.type === 'text') return [{ ...first, value: `${number}${form.joiner}${first.value.replace(/^\s+/, '')}` }, ...children.slice(1)];
    return [{ type: 'text', value: `${number}${form.joiner}` }, ...children];
  }
  const last = children[children.length - 1];
  if (last?.type === 'text') return [...children.slice(0, -1), { ...last, value: `${last.value.replace(/\s+$/, '')}${form.joiner}${number}` }];
  return [...children, { type: 'text', value: `${form.joiner}${number}` }];
}

export function resolveCrossReferences({ edition, tree, diagnostics, pathOf }: TransformContext): void {
  const headings = new Map(edition.outline.map((e) => [e.id, e]));
  const numerals = fullNumerals(edition.outline);
  const recommendations = new Map(edition.recommendations.map((r) => [r.id, r]));
  visit(tree, 'link', (link: Link) => {
    if (!link.url.startsWith('#')) return;
    const id = decodeURIComponent(link.url.slice(1));
    const heading = headings.get(id);
    const recommendation = recommendations.get(id);
    if (!heading && !recommendation) {
      const hint = didYouMean(id, [...headings.keys(), ...recommendations.keys()], (s) => `\`(#${s})\``);
      diagnostics.error(pathOf(link), `cross-reference to unknown id \`${id}\`: no heading or recommendation has it${hint}`, { place: link.position, ruleId: 'unknown-reference' });
      return;
    }
    const numeral = heading ? numerals.get(id) : undefined;
    const number = recommendation ? String(recommendation.number ?? 0) : numeral;
    link.data = { ...link.data, target: { kind: recommendation ? 'recommendation' : numeral ? 'section' : 'heading', anchor: link.data?.target?.anchor ?? id } };
    if (link.children.length === 0) {
      const text = recommendation
        ? fill(edition.labels.recommendationLabel, { number: recommendation.number ?? 0 })
        : numeral
          ? fill(edition.labels.sectionLabel, { numeral })
          : heading!.text;
      link.children = [{ type: 'text', value: text }];
    } else if (number) {
      link.children = addNumber(link.children, number, recommendation ? edition.labels.recommendationLabel : edition.labels.sectionLabel);
    }
  });
}
