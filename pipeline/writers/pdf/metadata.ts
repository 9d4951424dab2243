/**
 * The document's metadata, said once and written twice: the document information dictionary and
 * the XMP packet, with the same title, author, subject, tools and dates (PDF/A requires them to
 * agree), and in the XMP the standards the file claims: PDF/A-2 level A (`pdfaid`) and PDF/UA-1
 * (`pdfuaid`, a schema PDF/A does not predefine, so described in the packet by the PDF/A extension
 * schema). pdfkit's own packet is replaced: it names the creator as the producer, escapes nothing
 * and knows one standard at a time.
 */
import { internals } from './pdfkit-internals.js';

export interface DocumentInfo {
  Title: string;
  Author: string;
  Subject: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A date as XMP writes it: the same instant, to the second, as the information dictionary's `D:…Z`. */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const PDFUA_SCHEMA = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 to which the file conforms</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`;

/** The XMP packet of a document in language `lang` (BCP 47). */
export function xmpPacket(info: DocumentInfo, lang: string): string {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escape(text)}</rdf:li></rdf:Alt>`;
  return `<?xpacket begin="\u{feff}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title>${alt(info.Title)}</dc:title>
<dc:creator><rdf:Seq><rdf:li>${escape(info.Author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description>${alt(info.Subject)}</dc:description>
<dc:language><rdf:Bag><rdf:li>${escape(lang)}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>${escape(info.Creator)}</xmp:CreatorTool>
<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>
<xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>
<xmp:MetadataDate>${xmpDate(info.ModDate)}</xmp:MetadataDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${escape(info.Producer)}</pdf:Producer>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>A</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
${PDFUA_SCHEMA}
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`;
}

/** Makes `end()` write this packet as the catalog's metadata stream (uncompressed, so any tool can read it). */
export function useMetadata(doc: PDFKit.PDFDocument, packet: string): void {
  const pdf = internals(doc);
  pdf.endMetadata = () => {
    const bytes = Buffer.from(packet, 'utf8');
    const stream = pdf.ref({ Type: 'Metadata', Subtype: 'XML' });
    stream.compress = false;
    stream.end(bytes);
    pdf._root.data.Metadata = stream;
  };
}
