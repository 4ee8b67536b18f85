import type { FrameworkProblem } from '../../../core/framework/validateFramework';
import { useTranslation } from '../../useTranslation';

interface FrameworkErrorProps {
  readonly problems: readonly FrameworkProblem[];
}

export function FrameworkError({ problems }: FrameworkErrorProps) {
  const { t } = useTranslation();
  return (
    <main id="main" class="framework-error" tabIndex={-1}>
      <h2>{t('frameworkError.title')}</h2>
      <p>{t('frameworkError.body', { count: problems.length })}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            <code>{t('frameworkError.problem', { path: problem.path || t('frameworkError.rootPath'), message: problem.message })}</code>
          </li>
        ))}
      </ul>
    </main>
  );
}
