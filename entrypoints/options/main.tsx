import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/options/options.css';
import { Options } from '@/components/options/Options';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
