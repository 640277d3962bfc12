import { createContext, useContext } from 'react';
import type { Translate } from '@/utils/i18n/translate';
import type { Act } from './act';

export interface CardEnv {
  t: Translate;
  act: Act;
  lang: string;
}

export const CardEnvContext = createContext<CardEnv | null>(null);

export function useCardEnv(): CardEnv {
  const env = useContext(CardEnvContext);
  if (!env) throw new Error('card components must be rendered inside <Card>');
  return env;
}
