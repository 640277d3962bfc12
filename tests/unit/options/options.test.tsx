// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Options } from '@/components/options/Options';
import { loadPrefs } from '@/utils/prefs/prefs';
import { speak, usePopupDatabase, withI18n } from '../popup/popup-kit';

const SERVER = 'https://sync.acme.example';

describe('Options page', () => {
  const db = usePopupDatabase();
  const settings = (value: unknown) => db.store().db.meta.put({ key: 'settings', value });

  it('shows who the team server says this user is, only for the server configured now', async () => {
    await speak('en');
    await settings({ serverUrl: SERVER, token: 'sb_x', identity: { email: 'li.wei@acme.example', team: 'Acme', role: 'admin', serverUrl: SERVER } });
    render(withI18n(<Options />));
    expect((await screen.findByTestId('sb-sync-identity')).textContent).toBe('Signed in as li.wei@acme.example · team Acme · admin');

    // Pointed at another server, the old answer no longer says anything about this user.
    await settings({ serverUrl: 'https://other.example', token: 'sb_y', identity: { email: 'li.wei@acme.example', team: 'Acme', role: 'admin', serverUrl: SERVER } });
    await waitFor(() => expect(screen.getByTestId('sb-sync-identity').textContent).toMatch(/^Not connected yet/));
  });

  it('says nothing about identity when sync is off', async () => {
    await speak('en');
    render(withI18n(<Options />));
    await screen.findByTestId('sb-sync-url');
    expect(screen.queryByTestId('sb-sync-identity')).toBeNull();
  });

  it('speaks Simplified Chinese when chosen here, and stores the choice the card and popup read', async () => {
    await speak('en');
    await settings({ serverUrl: SERVER, token: 'sb_x', identity: { email: 'li.wei@acme.example', team: 'Acme', role: 'member', serverUrl: SERVER } });
    render(withI18n(<Options />));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Scoutbook settings');
    fireEvent.change(await screen.findByTestId('sb-language'), { target: { value: 'zh-CN' } });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Scoutbook 设置'));
    expect(screen.getByTestId('sb-sync-identity').textContent).toBe('已登录：li.wei@acme.example · 团队 Acme · 成员');
    expect(screen.getByTestId('sb-site-maimai').parentElement!.textContent).toBe('在 Maimai 脉脉 上显示卡片');
    expect((await loadPrefs()).language).toBe('zh-CN');
  });
});
