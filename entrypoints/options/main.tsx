import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/options/options.css';
import { Options } from '@/components/options/Options';
import { I18nProvider } from '@/components/popup/i18n/I18nProvider';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <Options />
    </I18nProvider>
  </StrictMode>,
);
