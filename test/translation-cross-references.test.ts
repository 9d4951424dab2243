/**
 * Cross-references in the language's grammar: a link with text keeps the author's word and adds
 * the number (“рекомендацией 7”, not “в соответствии с рекомендация 7”); an empty one takes the
 * labels' form; a subsection is named with its section (“section II.B”, “раздел II.Б”); every
 * resolved link records its target.
 */
import type { Link, Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { plainText } from '../pipeline/model/plain-text.js';
import { editionFromMarkdown } from './edition-from-markdown.js';

const markdown = `# FIRST {#first}

Text.

# SECOND {#second}

## ADMINISTRATION {#administration}

:::recommendation{#publish-results priority=1}
Results should be published.
:::

## MEDIA {#media}

LINKS
`;

function linksOf(lang: string, links: string) {
  const { edition, diagnostics } = editionFromMarkdown(markdown.replace('LINKS', links), lang);
  expect(diagnostics.list().filter((m) => m.severity === 'error')).toEqual([]);
  const paragraph = edition.root.children[0]!.children.at(-1) as Paragraph;
  return paragraph.children.filter((c): c is Link => c.type === 'link').map((l) => ({ text: plainText(l.children), target: l.data?.target }));
}

describe('a cross-reference', () => {
  it('with text keeps the author’s word, in its case, and adds the number', () => {
    expect(linksOf('ru', 'В соответствии с [рекомендацией](#publish-results) и [разделом](#second) и [подразделом](#media).')).toEqual([
      { text: 'рекомендацией 1', target: { kind: 'recommendation', anchor: 'publish-results' } },
      { text: 'разделом II', target: { kind: 'section', anchor: 'second' } },
      { text: 'подразделом II.Б', target: { kind: 'section', anchor: 'media' } },
    ]);
  });

  it('puts the number where the language’s label puts it', () => {
    expect(linksOf('kk', '[Ұсынымда](#publish-results) және [бөлімде](#second).').map((l) => l.text)).toEqual(['1-\u2060Ұсынымда', 'II бөлімде']); // the no-break rules join the number and its word
    expect(linksOf('en', 'As the [recommendations](#publish-results) and the [subsection](#administration) say.').map((l) => l.text)).toEqual(['recommendations 1', 'subsection II.A']);
  });

  it('with text that already holds the number, or that does not name a section or a recommendation, is left as written', () => {
    expect(linksOf('en', 'See [recommendation 1](#publish-results), [section II](#second), [back](#second) and [the media](#media).').map((l) => l.text)).toEqual(['recommendation 1', 'section II', 'back', 'the media']);
  });

  it('without text takes the labels’ words, a subsection with its section', () => {
    expect(linksOf('en', 'See [](#publish-results), [](#first) and [](#administration).').map((l) => l.text)).toEqual(['recommendation 1', 'section I', 'section II.A']);
    expect(linksOf('ru', 'См. [](#publish-results) и [](#media).').map((l) => l.text)).toEqual(['рекомендация 1', 'раздел II.Б']);
  });
});
