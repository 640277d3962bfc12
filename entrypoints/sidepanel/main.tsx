import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/sidepanel/sidepanel.css';
import { SidePanel } from '@/components/sidepanel/SidePanel';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidePanel />
  </StrictMode>,
);
