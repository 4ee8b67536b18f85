import type { Notice } from './shellState';
import { useShell } from './ShellContext';
import { useTranslation } from '../useTranslation';

/**
 * Both live regions are always in the page (a region created together with its text is often not
 * announced): information politely, errors assertively. Errors stay until dismissed.
 */
export function Notices() {
  const shell = useShell();
  const notices = shell.notices.value;
  const errors = notices.filter((notice) => notice.kind === 'error');
  const others = notices.filter((notice) => notice.kind !== 'error');
  return (
    <div class="notices">
      <div role="status" class="notice-list">
        {others.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} />
        ))}
      </div>
      <div role="alert" class="notice-list">
        {errors.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} />
        ))}
      </div>
    </div>
  );
}

function NoticeItem({ notice }: { readonly notice: Notice }) {
  const shell = useShell();
  const { t } = useTranslation();
  return (
    <div class={`notice notice-${notice.kind}`} data-notice-id={notice.id}>
      <p class="notice-message">{notice.message}</p>
      <button type="button" class="button notice-dismiss" aria-label={t('shell:notices.dismissLabel', { message: notice.message })} onClick={() => shell.dismissNotice(notice.id)}>
        {t('shell:notices.dismiss')}
      </button>
    </div>
  );
}
