/** Why a whole file cannot be imported. Row-level problems are reported per line instead. */
export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'not-csv'
  | 'legacy-excel'
  | 'bad-encoding'
  | 'no-header'
  | 'no-name-column'
  | 'unreadable-xlsx';

/** Its message is written for the user: the popup shows it as it is. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
