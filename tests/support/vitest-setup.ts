import 'fake-indexeddb/auto';
import { configure } from '@testing-library/dom';

// Popup views are lazy chunks; on a loaded CI machine their first import alone can pass
// testing-library's 1 s default (CI failed that way on the bulk-export test).
configure({ asyncUtilTimeout: 10_000 });
