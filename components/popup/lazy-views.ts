import { lazy } from 'react';

/**
 * Views not shown at first paint load on demand, so the popup's first paint evaluates only the
 * list (see README, popup.first_paint).
 */
export const TalentTable = lazy(() => import('./table/TalentTable').then((m) => ({ default: m.TalentTable })));
export const PipelineBoard = lazy(() => import('./PipelineBoard').then((m) => ({ default: m.PipelineBoard })));
export const FunnelView = lazy(() => import('./funnel/FunnelView').then((m) => ({ default: m.FunnelView })));
export const DataView = lazy(() => import('./DataView').then((m) => ({ default: m.DataView })));
export const BulkBar = lazy(() => import('./bulk/BulkBar').then((m) => ({ default: m.BulkBar })));
export const UndoToast = lazy(() => import('./bulk/UndoToast').then((m) => ({ default: m.UndoToast })));
// Mounted after the first frame: they bring the outbox, page writes and so zod, which the first paint does without.
export const SyncFooter = lazy(() => import('./SyncFooter').then((m) => ({ default: m.SyncFooter })));
export const TeamAlerts = lazy(() => import('./team/TeamAlerts').then((m) => ({ default: m.TeamAlerts })));
export const FilterPanel = lazy(() => import('./filters/FilterPanel').then((m) => ({ default: m.FilterPanel })));
