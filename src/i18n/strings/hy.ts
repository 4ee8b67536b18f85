// Every Armenian namespace but the ones the first download or the tests read, as one module, so
// the language is one chunk fetched at once (src/ui/shell/createLazyI18n.ts).
export default import.meta.glob<Readonly<Record<string, unknown>>>(['../../../locales/hy/*.json', '!../../../locales/hy/common.json', '!../../../locales/hy/formats.json', '!../../../locales/hy/glossary.json'], {
  eager: true,
  import: 'default',
});
