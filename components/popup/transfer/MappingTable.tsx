import { useI18n } from '@/components/popup/i18n/I18nProvider';
import type { PopupMessageKey } from '@/utils/i18n/popup';
import { fieldsByColumn, IMPORT_FIELDS, remapColumn, type ColumnMapping, type ImportField } from '@/utils/import/presets';
import type { TableRow } from '@/utils/import/table';

/** The first non-empty values of a column, so the user recognises it even with a cryptic header. */
function samples(rows: readonly TableRow[], index: number, count = 2): string {
  const out: string[] = [];
  for (const r of rows) {
    const v = r.cells[index]?.trim();
    if (v && !out.includes(v)) out.push(v.length > 40 ? `${v.slice(0, 39)}…` : v);
    if (out.length === count) break;
  }
  return out.join(' · ');
}

export const fieldLabel = (field: ImportField): PopupMessageKey => `data.field.${field}`;

/** Each column of the file and the field it feeds, editable; a field comes from one column only. */
export function MappingTable({
  header,
  sample,
  mapping,
  onChange,
}: {
  header: readonly string[];
  sample: readonly TableRow[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const { t } = useI18n();
  const fields = fieldsByColumn(mapping, header.length);
  return (
    <table className="mapping" data-testid="sb-import-mapping">
      <thead>
        <tr>
          <th scope="col">{t('data.import.mapping.column')}</th>
          <th scope="col">{t('data.import.mapping.sample')}</th>
          <th scope="col">{t('data.import.mapping.field')}</th>
        </tr>
      </thead>
      <tbody>
        {header.map((h, i) => (
          <tr key={i} className={fields[i] ? 'mapped' : 'ignored'}>
            <th scope="row">{h || `#${i + 1}`}</th>
            <td className="sample">{samples(sample, i)}</td>
            <td>
              <select
                aria-label={t('data.import.mapping.field') + `: ${h || `#${i + 1}`}`}
                data-testid={`sb-import-map-${i}`}
                value={fields[i] ?? ''}
                onChange={(e) => onChange(remapColumn(mapping, i, (e.target.value || undefined) as ImportField | undefined))}
              >
                <option value="">{t('data.import.mapping.ignore')}</option>
                {IMPORT_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {t(fieldLabel(f))}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
