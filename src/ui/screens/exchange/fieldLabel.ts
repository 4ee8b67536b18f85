/** A field's name in the interface language, for the conflicts of an import preview and of the conflicts list. */
import type { TFunction } from 'i18next';

/** Field names people recognise; anything else is shown as stored. */
export function fieldLabel(t: TFunction, field: string): string {
  switch (field) {
    case 'text':
      return t('exchange:field.text');
    case 'level':
      return t('exchange:field.level');
    case 'suggestedLevel':
      return t('exchange:field.suggestedLevel');
    case 'rationale':
      return t('exchange:field.rationale');
    case 'title':
      return t('exchange:field.title');
    case 'name':
      return t('exchange:field.name');
    case 'status':
      return t('exchange:field.status');
    case 'notes':
      return t('exchange:field.notes');
    case 'tags':
      return t('exchange:field.tags');
    case 'caption':
      return t('exchange:field.caption');
    case 'date':
      return t('exchange:field.date');
    case 'deleted':
      return t('exchange:field.deleted');
    case 'evidenceIds':
      return t('exchange:field.evidenceIds');
    case 'rank':
      return t('exchange:field.rank');
    case 'kind':
      return t('exchange:field.kind');
    default:
      return field;
  }
}
