import type { ReactNode } from 'react';

/** An empty view that says what to do next rather than just "nothing here". */
export function EmptyState({ title, children, testId }: { title?: string; children: ReactNode; testId?: string }) {
  return (
    <div className="empty" data-testid={testId ?? 'sb-empty'}>
      {title && <p className="empty-title">{title}</p>}
      <div className="empty-hint">{children}</div>
    </div>
  );
}
