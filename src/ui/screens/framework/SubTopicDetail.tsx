import type { Framework, SubTopic } from '../../../core/framework/frameworkSchema';
import { DescriptorTable } from './DescriptorTable';
import { FrameworkText } from '../../shared/FrameworkText';
import { interpolateNodes } from '../../shared/interpolateNodes';
import { useTranslation } from '../../useTranslation';

interface SubTopicDetailProps {
  readonly framework: Framework;
  readonly subTopic: SubTopic;
}

export function SubTopicDetail({ framework, subTopic }: SubTopicDetailProps) {
  const { t } = useTranslation();
  const headingId = `sub-topic-${subTopic.id}-heading`;
  return (
    <section class="sub-topic-detail" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {interpolateNodes(t, 'explorer:subTopic.heading', { code: subTopic.code }, { name: <FrameworkText value={subTopic.name} /> })}
      </h3>
      {subTopic.aliases.length > 0 && <p class="aliases">{t('explorer:subTopic.aliases', { aliases: subTopic.aliases.join(' · ') })}</p>}
      {subTopic.indicators.length === 0 ? (
        <div class="descriptive-note" role="note">
          <p class="descriptive-label">{t('explorer:subTopic.descriptive')}</p>
          <p>{t('explorer:subTopic.descriptiveExplanation')}</p>
        </div>
      ) : (
        subTopic.indicators.map((indicator) => {
          const indicatorHeadingId = `indicator-${indicator.id}-heading`;
          return (
            <section key={indicator.id} class="indicator" aria-labelledby={indicatorHeadingId}>
              <h4 id={indicatorHeadingId}>
                {interpolateNodes(t, 'explorer:indicator.heading', { code: indicator.code }, { label: <FrameworkText value={indicator.label} /> })}
              </h4>
              <DescriptorTable framework={framework} indicator={indicator} />
            </section>
          );
        })
      )}
      <section class="questions" aria-labelledby={`${headingId}-questions`}>
        <h4 id={`${headingId}-questions`}>{t('explorer:questions.heading')}</h4>
        {subTopic.questions.length === 0 ? (
          <p class="muted">{t('explorer:questions.none')}</p>
        ) : (
          <ol>
            {subTopic.questions.map((question, index) => (
              <li key={index}>
                <FrameworkText value={question} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
