/** The `xliff` package's XLIFF 1.2 reader, used by test/translation-xliff.test.ts as an independent reader (it ships no types). */
declare module 'xliff/xliff12ToJs' {
  interface Unit {
    source: unknown;
    target?: unknown;
    note?: unknown;
    additionalAttributes?: Record<string, string>;
  }
  interface Xliff12 {
    sourceLanguage: string;
    targetLanguage: string;
    resources: Record<string, Record<string, Unit>>;
  }
  export default function xliff12ToJs(xml: string): Promise<Xliff12>;
}
