/**
 * A PDF/A-2 checker for the tests: the requirements of ISO 19005-2 (clauses as veraPDF's profile
 * numbers them) that folio's PDFs could break, run on a file read back through qpdf. Level A adds
 * the logical structure (the PDF/UA checks cover it) and the private-use characters' ActualText.
 */
import { XMLValidator } from 'fast-xml-parser';
import { text, type PdfDict, type PdfValue } from './pdf-objects.js';
import type { Check } from './matterhorn.js';
import { shownCodes } from './matterhorn-links-fonts.js';

const unescape = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of an XMP property (the x-default item of an Alt, the first of a Seq or Bag). */
export function xmpProperty(xmp: string, property: string): string | undefined {
  const body = new RegExp(`<${property}>([\\s\\S]*?)</${property}>`).exec(xmp)?.[1];
  if (body === undefined) return new RegExp(`${property}="([^"]*)"`).exec(xmp)?.[1];
  const item = /<rdf:li xml:lang="x-default">([\s\S]*?)<\/rdf:li>/.exec(body) ?? /<rdf:li>([\s\S]*?)<\/rdf:li>/.exec(body);
  return unescape((item ? item[1]! : body).trim());
}

/** A PDF date (`D:20221201220955Z`, `D:2022…+01'00'`) as an instant. */
export function pdfDate(value: string | undefined): number | undefined {
  const m = /^D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(Z|[+-]\d\d'?\d\d'?)?/.exec(value ?? '');
  if (!m) return undefined;
  const [y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = m.slice(1, 7);
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
}

/** Namespaces XMP 2005 and ISO 19005 predefine (ISO 19005-2, 6.6.2.3.1). */
const PREDEFINED = new Set([
  'http://purl.org/dc/elements/1.1/', 'http://ns.adobe.com/xap/1.0/', 'http://ns.adobe.com/pdf/1.3/', 'http://ns.adobe.com/xap/1.0/mm/', 'http://ns.adobe.com/xap/1.0/rights/',
  'http://www.aiim.org/pdfa/ns/id/', 'http://www.aiim.org/pdfa/ns/extension/', 'http://www.aiim.org/pdfa/ns/schema#', 'http://www.aiim.org/pdfa/ns/property#', 'http://www.aiim.org/pdfa/ns/type#', 'http://www.aiim.org/pdfa/ns/field#',
]);

function metadataChecks(): Check[] {
  return [
    {
      id: 'A-6.6.2.1', clause: 'ISO 19005-2 6.6.2.1', what: 'the XMP packet is well-formed UTF-8 XML, its header without bytes or encoding',
      run(t) {
        const xmp = t.xmp ?? '';
        const valid = XMLValidator.validate(xmp.replace(/^\u{feff}/u, ''));
        return [...(xmp ? [] : ['no XMP']), ...(valid === true ? [] : [`not well-formed: ${valid.err.msg}`]), ...(/<\?xpacket[^>]*\b(bytes|encoding)=/.test(xmp) ? ['xpacket header with bytes or encoding'] : [])];
      },
    },
    {
      id: 'A-6.6.2.3', clause: 'ISO 19005-2 6.6.2.3', what: 'every XMP property in a predefined schema or one the packet describes (PDF/A extension schema)',
      run(t) {
        const xmp = t.xmp ?? '';
        const uris = new Map([...xmp.matchAll(/xmlns:(\w+)="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
        const declared = new Map<string, Set<string>>();
        for (const schema of xmp.matchAll(/<pdfaSchema:namespaceURI>([^<]+)<\/pdfaSchema:namespaceURI>([\s\S]*?)<\/pdfaSchema:property>/g)) {
          declared.set(schema[1]!, new Set([...schema[2]!.matchAll(/<pdfaProperty:name>([^<]+)</g)].map((m) => m[1]!)));
        }
        const used = [...xmp.matchAll(/<(\w+):(\w+)[\s>]/g)].filter((m) => !['rdf', 'x'].includes(m[1]!));
        return used.flatMap((m) => {
          const uri = uris.get(m[1]!) ?? '?';
          return PREDEFINED.has(uri) || declared.get(uri)?.has(m[2]!) ? [] : [`${m[1]}:${m[2]} (${uri}) not described`];
        }).filter((v, i, all) => all.indexOf(v) === i);
      },
    },
    {
      id: 'A-6.6.4', clause: 'ISO 19005-2 6.6.4', what: 'the XMP says pdfaid:part 2, conformance A',
      run: (t) => [...(xmpProperty(t.xmp ?? '', 'pdfaid:part') === '2' ? [] : ['pdfaid:part is not 2']), ...(xmpProperty(t.xmp ?? '', 'pdfaid:conformance') === 'A' ? [] : ['pdfaid:conformance is not A'])],
    },
    {
      id: 'A-info', clause: 'ISO 19005-2 6.6.2.1, ISO 32000-1 14.3.3', what: 'the information dictionary and the XMP agree: title, author, subject, creator tool, producer, dates',
      run(t) {
        const info = t.pdf.dict(t.pdf.trailer['/Info']) ?? {};
        const xmp = t.xmp ?? '';
        const field = (key: string) => text(t.pdf.value(info[key]));
        const out: string[] = [];
        const same = (key: string, property: string) => {
          if (!field(key) || field(key) !== xmpProperty(xmp, property)) out.push(`${key} ${JSON.stringify(field(key))} against ${property} ${JSON.stringify(xmpProperty(xmp, property))}`);
        };
        same('/Title', 'dc:title');
        same('/Author', 'dc:creator');
        same('/Subject', 'dc:description');
        same('/Creator', 'xmp:CreatorTool');
        same('/Producer', 'pdf:Producer');
        for (const [key, property] of [['/CreationDate', 'xmp:CreateDate'], ['/ModDate', 'xmp:ModifyDate']] as const) {
          const a = pdfDate(field(key));
          const b = Date.parse(xmpProperty(xmp, property) ?? '');
          if (a === undefined || Number.isNaN(a) || a !== b) out.push(`${key} ${field(key)} against ${property} ${xmpProperty(xmp, property)}`);
        }
        return out;
      },
    },
  ];
}

/** The ICC profile's header fields (ICC.1, 7.2). */
function iccHeader(data: Buffer) {
  return { size: data.readUInt32BE(0), major: data[8]!, deviceClass: data.toString('latin1', 12, 16), colourSpace: data.toString('latin1', 16, 20), signature: data.toString('latin1', 36, 40) };
}

function fileChecks(): Check[] {
  return [
    {
      id: 'A-6.1.2', clause: 'ISO 19005-2 6.1.2, 6.1.3', what: 'the header %PDF-1.n and a comment of four bytes over 127; a file ID in the trailer; no encryption',
      run(t) {
        const lines = t.bytes.subarray(0, 64).toString('latin1').split(/\r\n|\r|\n/);
        const binary = [...(lines[1] ?? '')].slice(1, 5).every((c) => c.charCodeAt(0) > 127);
        const id = t.pdf.array(t.pdf.trailer['/ID']).map((v) => String(v));
        return [
          ...(/^%PDF-1\.[0-7]$/.test(lines[0] ?? '') ? [] : [`header ${lines[0]}`]),
          ...(lines[1]?.startsWith('%') && binary ? [] : ['no binary comment after the header']),
          ...(id.length === 2 && id.every((v) => /^b:[0-9a-f]{2,}$/.test(v)) ? [] : [`trailer ID ${JSON.stringify(id)}`]),
          ...(t.pdf.trailer['/Encrypt'] ? ['encrypted'] : []),
        ];
      },
    },
    {
      id: 'A-6.2.3', clause: 'ISO 19005-2 6.2.3, 6.2.4.3', what: 'one PDF/A output intent, an embedded RGB monitor or printer profile of ICC version 2 or 4 that DeviceRGB is drawn in; no CMYK drawn',
      run(t) {
        const intents = t.pdf.array(t.pdf.catalog['/OutputIntents']).map((i) => t.pdf.dict(i)!);
        const pdfa = intents.filter((i) => i['/S'] === '/GTS_PDFA1');
        if (pdfa.length !== 1) return [`${pdfa.length} GTS_PDFA1 output intents`];
        const profile = t.pdf.stream(pdfa[0]!['/DestOutputProfile']);
        if (!profile) return ['no DestOutputProfile stream'];
        const h = iccHeader(profile.data);
        const cmyk = t.pages.filter((p) => p.content.ops.some((o) => o.op === 'k' || o.op === 'K' || o.operands.some((x) => (x as { name?: string })?.name === 'DeviceCMYK'))).map((p) => `page ${p.number} draws CMYK`);
        return [
          ...(h.signature === 'acsp' && h.size === profile.data.length ? [] : ['not an ICC profile']),
          ...(['mntr', 'prtr'].includes(h.deviceClass) && h.colourSpace === 'RGB ' && [2, 4].includes(h.major) ? [] : [`profile ${h.deviceClass} ${h.colourSpace} v${h.major}`]),
          ...(profile.dict['/N'] === 3 ? [] : [`N ${String(profile.dict['/N'])}`]),
          ...(text(pdfa[0]!['/OutputConditionIdentifier']) ? [] : ['no OutputConditionIdentifier']),
          ...cmyk,
        ];
      },
    },
    {
      id: 'A-6.2.5', clause: 'ISO 19005-2 6.2.5, 6.2.8–6.2.10, 6.1.13', what: 'graphics states without transfer functions or halftones; pictures without alternates, OPI or interpolation; no PostScript; standard blend modes; q nesting at most 28',
      run(t) {
        const out: string[] = [];
        const BLEND = new Set(['/Normal', '/Compatible', '/Multiply', '/Screen', '/Overlay', '/Darken', '/Lighten', '/ColorDodge', '/ColorBurn', '/HardLight', '/SoftLight', '/Difference', '/Exclusion', '/Hue', '/Saturation', '/Color', '/Luminosity']);
        for (const [ref, v] of t.pdf.all()) {
          const d = v && typeof v === 'object' && !Array.isArray(v) ? (v as PdfDict) : undefined;
          if (!d) continue;
          if (d['/Type'] === '/ExtGState' || d['/TR'] || d['/HTP']) {
            if (d['/TR'] || (d['/TR2'] && d['/TR2'] !== '/Default') || d['/HTP']) out.push(`${ref}: transfer function or halftone`);
            const bm = d['/BM'];
            if (bm !== undefined && !BLEND.has(String(Array.isArray(bm) ? bm[0] : bm))) out.push(`${ref}: blend mode ${String(bm)}`);
          }
          if (d['/Subtype'] === '/Image' && (d['/Alternates'] || d['/OPI'] || d['/Interpolate'] === true)) out.push(`${ref}: image with Alternates, OPI or Interpolate`);
          if (d['/Subtype'] === '/PS' || d['/Subtype2'] === '/PS') out.push(`${ref}: PostScript XObject`);
        }
        for (const p of t.pages) if (p.content.maxSaveDepth > 28) out.push(`page ${p.number}: q nested ${p.content.maxSaveDepth} deep`);
        return out;
      },
    },
    {
      id: 'A-6.3', clause: 'ISO 19005-2 6.3.1, 6.3.2, 6.3.3', what: 'annotations of permitted types, each printable and not hidden (F: Print set; Invisible, Hidden, NoView, ToggleNoView clear), links without appearances beyond N',
      run: (t) => t.pages.flatMap((p) => p.annotations.flatMap((a) => {
        const f = a.dict['/F'];
        const ok = typeof f === 'number' && (f & 4) === 4 && (f & (1 | 2 | 32 | 256)) === 0;
        const ap = Object.keys(t.pdf.dict(a.dict['/AP']) ?? {});
        return [...(['/Link', '/Text', '/FreeText', '/Square', '/Circle', '/Highlight', '/Underline', '/StrikeOut'].includes(String(a.dict['/Subtype'])) ? [] : [`page ${p.number}: ${String(a.dict['/Subtype'])}`]), ...(ok ? [] : [`page ${p.number}: ${a.ref} F ${String(f)}`]), ...(ap.some((k) => k !== '/N') ? [`page ${p.number}: ${a.ref} appearance ${ap.join(' ')}`] : [])];
      })),
    },
    {
      id: 'A-6.5', clause: 'ISO 19005-2 6.5, 6.4, 6.9–6.11', what: 'only GoTo and URI actions, no JavaScript, no additional actions; no forms, optional content, alternate presentations or requirements',
      run(t) {
        const out: string[] = [];
        const names = t.pdf.dict(t.pdf.catalog['/Names']);
        for (const key of ['/AA', '/AcroForm', '/OCProperties', '/Requirements', '/NeedsRendering']) if (t.pdf.catalog[key] !== undefined) out.push(`catalog ${key}`);
        for (const key of ['/JavaScript', '/AlternatePresentations']) if (names?.[key]) out.push(`names ${key}`);
        for (const p of t.pages) for (const key of ['/AA', '/PresSteps']) if (p.dict[key]) out.push(`page ${p.number} ${key}`);
        const actions: PdfValue[] = [t.pdf.catalog['/OpenAction'] ?? null, ...t.pages.flatMap((p) => p.annotations.map((a) => a.dict['/A'] ?? null))];
        for (const action of actions.map((a) => t.pdf.dict(a)).filter((a): a is PdfDict => !!a && a['/S'] !== undefined)) {
          if (!['/GoTo', '/URI'].includes(String(action['/S']))) out.push(`action ${String(action['/S'])}`);
        }
        return out;
      },
    },
    {
      id: 'A-6.2.11.7.3', clause: 'ISO 19005-2 6.2.11.7.3 (level A)', what: 'no shown character maps to the Unicode private use area (which would need ActualText)',
      run: (t) => shownCodes(t).filter(({ font, code }) => /[\u{e000}-\u{f8ff}\u{f0000}-\u{10ffff}]/u.test(font.toUnicode?.get(code) ?? '')).map(({ code, page }) => `page ${page}: code ${code}`),
    },
  ];
}

export { metadataChecks as pdfaMetadataChecks, fileChecks as pdfaFileChecks };
