import { lazy, Suspense, useEffect } from 'react';
import { linkTarget } from '@/utils/reminders/links';
import { Sheet } from './Sheet';
import { closeTopSheet, openSheet, useSheets, type SheetRequest } from './sheet-stack';
import { useSheetTitle } from './useSheetTitle';

// Not needed for the popup's first paint: loaded when first opened.
const PersonDetail = lazy(() => import('./PersonDetail').then((m) => ({ default: m.PersonDetail })));
const CompanyDetail = lazy(() => import('./CompanyDetail').then((m) => ({ default: m.CompanyDetail })));
const ManagePipelines = lazy(() => import('../manage/ManagePipelines').then((m) => ({ default: m.ManagePipelines })));
const DueToday = lazy(() => import('../reminders/DueToday').then((m) => ({ default: m.DueToday })));
const PitchTemplates = lazy(() => import('../pitch/PitchTemplates').then((m) => ({ default: m.PitchTemplates })));

/**
 * The views that open over the app (detail, pipeline management, due list, pitch templates). Render
 * once at the app's root. A link such as `popup.html?tab&person=<id>` (a reminder's notification)
 * opens its view at start.
 */
export function SheetHost() {
  const sheets = useSheets();
  useEffect(() => {
    const target = linkTarget(location.search);
    if (target) openSheet(target.kind === 'due' ? { kind: 'due' } : target);
  }, []);
  return (
    <>
      {sheets.map((request, i) => (
        <SheetFor key={`${i}-${JSON.stringify(request)}`} request={request} />
      ))}
    </>
  );
}

function SheetFor({ request }: { request: SheetRequest }) {
  const title = useSheetTitle(request);
  return (
    <Sheet title={title} onClose={closeTopSheet} testId={`sb-sheet-${request.kind}`}>
      <Suspense fallback={null}>
        {request.kind === 'person' ? (
          <PersonDetail personId={request.id} />
        ) : request.kind === 'company' ? (
          <CompanyDetail companyId={request.id} />
        ) : request.kind === 'manage' ? (
          <ManagePipelines />
        ) : request.kind === 'due' ? (
          <DueToday />
        ) : (
          <PitchTemplates pipelineId={request.pipelineId} />
        )}
      </Suspense>
    </Sheet>
  );
}
