import { useI18n } from '@/components/popup/i18n/I18nProvider';
import type { PopupTranslate } from '@/utils/i18n/popup';
import { ALL_PRESETS, type PresetId } from '@/utils/import/presets';
import type { Delimiter } from '@/utils/import/sniff';
import type { TableSource } from '@/utils/import/table';
import type { LoadedFile } from '../ImportPanel';

const DELIMITERS: [Delimiter, 'comma' | 'semicolon' | 'tab'][] = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
];

function sourceText(source: TableSource, t: PopupTranslate): string {
  if (source.kind === 'xlsx') return t('data.import.source.xlsx', { sheet: source.sheet, count: source.sheets.length });
  const name = DELIMITERS.find(([d]) => d === source.delimiter)?.[1] ?? 'comma';
  return t('data.import.source.csv', { encoding: (source.encoding ?? 'utf-8').toUpperCase(), delimiter: t(`data.import.delimiter.${name}`) });
}

/** What was detected (format preset, encoding, separator or sheet), each one changeable. */
export function ImportSource({
  loaded,
  onPreset,
  onSheet,
  onDelimiter,
}: {
  loaded: LoadedFile;
  onPreset: (id: PresetId) => void;
  onSheet: (sheet: string) => void;
  onDelimiter: (delimiter: Delimiter) => void;
}) {
  const { t } = useI18n();
  const table = loaded.file.summary;
  const source = table.source;
  return (
    <div className="import-source">
      <p className="hint" data-testid="sb-import-detected">
        {t('data.import.detected', { file: loaded.name, rows: table.rowCount, line: table.headerLine, source: sourceText(source, t) })}
      </p>
      <div className="export-row">
        <label>
          {t('data.import.preset')}{' '}
          <select data-testid="sb-import-preset" value={loaded.preset.id} onChange={(e) => onPreset(e.target.value as PresetId)}>
            {ALL_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        {source.kind === 'xlsx' && source.sheets.length > 1 && (
          <label>
            {t('data.import.sheet')}{' '}
            <select data-testid="sb-import-sheet" value={source.sheet} onChange={(e) => onSheet(e.target.value)}>
              {source.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        {source.kind === 'csv' && (
          <label>
            {t('data.import.delimiter')}{' '}
            <select data-testid="sb-import-delimiter" value={source.delimiter} onChange={(e) => onDelimiter(e.target.value as Delimiter)}>
              {DELIMITERS.map(([d, name]) => (
                <option key={name} value={d}>
                  {t(`data.import.delimiter.${name}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </div>
  );
}
