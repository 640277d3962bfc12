// First, before React and the app are evaluated: the first page's database reads run meanwhile.
import '@/components/popup/start-first-page';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/popup/popup.css';
import { App } from '@/components/popup/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
