/** A table's name in the interface language, as the preview's table and the conflicts list show it. */
import type { TFunction } from 'i18next';
import type { TableName } from '../../../core/assessment/recordSchemas';

export function tableName(t: TFunction, table: TableName): string {
  switch (table) {
    case 'assessment':
      return t('exchange:table.assessment');
    case 'assessor':
      return t('exchange:table.assessor');
    case 'institution':
      return t('exchange:table.institution');
    case 'interview':
      return t('exchange:table.interview');
    case 'interviewee':
      return t('exchange:table.interviewee');
    case 'observation':
      return t('exchange:table.observation');
    case 'attachment':
      return t('exchange:table.attachment');
    case 'rating':
      return t('exchange:table.rating');
    case 'consensus':
      return t('exchange:table.consensus');
    case 'finding':
      return t('exchange:table.finding');
  }
}
