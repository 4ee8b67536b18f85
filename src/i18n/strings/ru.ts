// Every Russian namespace but the ones the first download or the tests read, as one module, so
// the language is one chunk fetched at once (src/ui/shell/createLazyI18n.ts).
export default import.meta.glob<Readonly<Record<string, unknown>>>(['../../../locales/ru/*.json', '!../../../locales/ru/common.json', '!../../../locales/ru/formats.json', '!../../../locales/ru/glossary.json'], {
  eager: true,
  import: 'default',
});
