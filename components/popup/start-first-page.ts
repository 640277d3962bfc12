import { startFirstPage } from './first-page';

// Imported first by the popup's entry point, for this side effect.
startFirstPage();
