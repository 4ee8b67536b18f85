/**
 * The exchange screen of an assessment: bundles (`*.mmdma.zip`) that teams pass over USB or e-mail
 * when there is no network. Export on one side (everything, or only what a colleague lacks; with or
 * without attachments; optionally encrypted), import on the other (verified and previewed before
 * any write), and below both the conflicts imports set aside for the lead to review. The bundle
 * code is src/exchange/; this screen only drives it.
 */
import { useRef, useState } from 'preact/hooks';
import { useShell } from '../../shell/ShellContext';
import { useTranslation } from '../../useTranslation';
import { ConflictsPanel } from './ConflictsPanel';
import { useExchangeDeps } from './exchangeDeps';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import './exchange.css';

export interface ExchangeScreenProps {
  readonly assessmentId: string;
}

export function ExchangeScreen({ assessmentId }: ExchangeScreenProps) {
  const { t } = useTranslation();
  const session = useShell().session.value;
  const deps = useExchangeDeps();
  const [peersVersion, setPeersVersion] = useState(0);
  const conflictsHeading = useRef<HTMLHeadingElement>(null);
  const current = session !== null && session.assessmentId === assessmentId ? session : null;
  const data = current?.data.value ?? null;
  return (
    <div class="xc">
      <h2 class="xc-title">{t('exchange:title')}</h2>
      <p class="screen-intro">{t('exchange:intro')}</p>
      {current === null || data === null ? (
        // The shell shows a missing or unreadable assessment itself; this covers the moment between.
        <p class="xc-loading" role="status">
          {t('exchange:loading')}
        </p>
      ) : (
        <>
          <div class="xc-panels">
            <ExportPanel assessmentId={assessmentId} data={data} me={current.me.value} deps={deps} peersVersion={peersVersion} />
            <ImportPanel
              deps={deps}
              current={{ id: assessmentId, title: data.assessment.title }}
              data={data}
              index={current.index.value}
              onImported={() => setPeersVersion((version) => version + 1)}
              onReviewConflicts={() => conflictsHeading.current?.focus()}
            />
          </div>
          <ConflictsPanel
            deps={deps}
            assessmentId={assessmentId}
            data={data}
            index={current.index.value}
            peersVersion={peersVersion}
            headingRef={conflictsHeading}
          />
        </>
      )}
    </div>
  );
}
