/**
 * Hyperlinks: `w:hyperlink` to a bookmark (`w:anchor`) or to a URL (`r:id` of a hyperlink
 * relationship), with the link's title as its `w:tooltip`, which `docx`'s own hyperlinks cannot
 * carry. A hyperlink holds runs only: a bookmark or another hyperlink among its runs (a note's
 * citation in the link's text) would be invalid XML, so the link is split around them.
 */
import { Bookmark, ConcreteHyperlink, XmlAttributeComponent, type IContext, type IXmlableObject, type ParagraphChild } from 'docx';

const HYPERLINK_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

type Target = { anchor: string } | { url: string; id: string };

class HyperlinkAttributes extends XmlAttributeComponent<{ history: number; anchor?: string; id?: string; tooltip?: string }> {
  protected override readonly xmlKeys = { history: 'w:history', anchor: 'w:anchor', id: 'r:id', tooltip: 'w:tooltip' };
}

/** `docx`'s hyperlink with the attributes it cannot set (the tooltip), adding its URL's relationship itself. */
export class Hyperlink extends ConcreteHyperlink {
  private readonly url?: string;

  constructor(target: Target, children: readonly ParagraphChild[], tooltip?: string) {
    super(children, 'anchor' in target ? '' : target.id, 'anchor' in target ? target.anchor : undefined);
    const link = 'anchor' in target ? { anchor: target.anchor } : { id: `rId${target.id}` };
    this.root[0] = new HyperlinkAttributes({ history: 1, ...link, ...(tooltip ? { tooltip } : {}) });
    if ('url' in target) this.url = target.url;
  }

  /** Adds the URL's relationship to the part the link is written in (the body's or the notes'). */
  override prepForXml(context: IContext): IXmlableObject | undefined {
    if (this.url !== undefined) context.viewWrapper.Relationships.addRelationship(this.linkId, HYPERLINK_RELATIONSHIP, this.url, 'External');
    return super.prepForXml(context);
  }
}

/** What cannot stand inside a hyperlink: a bookmark (a note's citation) or another hyperlink. */
function outsideLinks(child: ParagraphChild | Hyperlink): boolean {
  return child instanceof Bookmark || child instanceof Hyperlink;
}

/** `runs` as hyperlinks made by `link`, split around what cannot stand inside one (kept in its place). */
export function linkAround(runs: readonly ParagraphChild[], link: (runs: ParagraphChild[]) => ParagraphChild): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let pending: ParagraphChild[] = [];
  const flush = () => {
    if (pending.length) out.push(link(pending));
    pending = [];
  };
  for (const child of runs) {
    if (outsideLinks(child)) {
      flush();
      out.push(child);
    } else pending.push(child);
  }
  flush();
  return out;
}
