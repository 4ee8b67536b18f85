// Every English namespace but the ones the first download or the tests read, as one module, so
// the language is one chunk fetched at once (src/ui/shell/createLazyI18n.ts).
export default import.meta.glob<Readonly<Record<string, unknown>>>(['../../../locales/en/*.json', '!../../../locales/en/common.json', '!../../../locales/en/formats.json', '!../../../locales/en/glossary.json'], {
  eager: true,
  import: 'default',
});
