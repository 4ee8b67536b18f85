/**
 * The keyboard shortcuts, on screen (Alt+/ or the "Keyboard shortcuts" button). Keys are named by
 * their position on an English keyboard: on Russian and Armenian layouts the same physical keys
 * work (the screen matches `event.code`).
 */
import type { ComponentChild } from 'preact';
import { FrameworkText } from '../../shared/FrameworkText';
import { useTranslation } from '../../useTranslation';
import { useInterview } from './InterviewContext';
import { shortcutLabel, SHORTCUT_CODES, trackShortcutKeys } from './composerShortcuts';

/** Key names stay as printed on the keys (the same on Russian and Armenian keyboards). */
const ALT = 'Alt';

interface ShortcutHelpProps {
  readonly onClose: () => void;
}

export function ShortcutHelp({ onClose }: ShortcutHelpProps) {
  const { t } = useTranslation();
  const { model } = useInterview();
  const index = model.index.value;
  const key = (code: string) => <kbd>{shortcutLabel(code, ALT)}</kbd>;
  const trackKeys = index ? [...trackShortcutKeys(index.trackIds)] : [];
  const levels = index?.framework.levels ?? [];

  const rows: Array<[ComponentChild, ComponentChild]> = [
    [<kbd key="enter">Enter</kbd>, t('interview:shortcuts.save')],
    [<kbd key="shift-enter">Shift+Enter</kbd>, t('interview:shortcuts.newLine')],
    [<kbd key="hash">#</kbd>, t('interview:shortcuts.hash')],
    [key(SHORTCUT_CODES.tag), t('interview:shortcuts.tag')],
    [<kbd key="escape">Esc</kbd>, t('interview:shortcuts.escape')],
    [
      <>
        {key(SHORTCUT_CODES.note)} {key(SHORTCUT_CODES.quote)} {key(SHORTCUT_CODES.evidence)}
      </>,
      t('interview:shortcuts.kinds'),
    ],
    [
      <>
        {key(SHORTCUT_CODES.allTracks)}
        {trackKeys.map(([code]) => (
          <> {key(code)}</>
        ))}
      </>,
      <>
        {t('interview:shortcuts.tracks')} {shortcutLabel(SHORTCUT_CODES.allTracks, ALT)}: {(index?.trackIds.length ?? 0) === 2 ? t('interview:tracks.both') : t('interview:tracks.all')}
        {trackKeys.map(([code, trackId]) => {
          const track = index?.framework.tracks.find((candidate) => candidate.id === trackId);
          return (
            <span key={code}>
              , {shortcutLabel(code, ALT)}: {track ? <FrameworkText value={track.name} /> : trackId}
            </span>
          );
        })}
      </>,
    ],
    [
      <>
        {key('Digit1')}…{key(`Digit${Math.min(levels.length, 9)}`)} {key('Digit0')}
      </>,
      <>
        {t('interview:shortcuts.levels')}{' '}
        {levels.slice(0, 9).map((level, position) => (
          <span key={level.id}>
            {position > 0 ? ', ' : ''}
            {position + 1}: <FrameworkText value={level.name} />
          </span>
        ))}
        {', '}0: {t('interview:level.none')}
      </>,
    ],
    [key(SHORTCUT_CODES.nextLevel), t('interview:shortcuts.nextLevel')],
    [key(SHORTCUT_CODES.source), t('interview:shortcuts.source')],
    [key(SHORTCUT_CODES.keepTags), t('interview:shortcuts.keepTags')],
    [key(SHORTCUT_CODES.photo), t('interview:shortcuts.photo')],
    [key(SHORTCUT_CODES.file), t('interview:shortcuts.file')],
    [key(SHORTCUT_CODES.record), t('interview:shortcuts.record')],
    [<kbd key="up">↑</kbd>, t('interview:shortcuts.editLast')],
    [key(SHORTCUT_CODES.help), t('interview:shortcuts.help')],
  ];

  return (
    <section class="shortcut-help" aria-labelledby="shortcut-help-heading">
      <div class="shortcut-help-bar">
        <h4 id="shortcut-help-heading">{t('interview:shortcuts.heading')}</h4>
        <button type="button" class="iv-button iv-button-quiet iv-button-small" onClick={onClose}>
          {t('interview:shortcuts.close')}
        </button>
      </div>
      <table class="shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t('interview:shortcuts.keyColumn')}</th>
            <th scope="col">{t('interview:shortcuts.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([keys, action], position) => (
            <tr key={position}>
              <td class="shortcut-keys">{keys}</td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('interview:shortcuts.layoutNote')}</p>
    </section>
  );
}
