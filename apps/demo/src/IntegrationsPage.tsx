import type { ConnectMode } from '@plugboard/core';
import { useConnectedAccounts } from '@plugboard/react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ConnectedAccountsList } from './ConnectedAccountsList';
import { refreshConnectedAccounts, useAuthConfigs } from './demo-queries';
import { IntegrationCard } from './IntegrationCard';
import { SandboxPanel } from './SandboxPanel';
import { MODES, SettingSwitch, THEMES } from './SettingSwitch';
import type { Theme } from './theme';
import { settledCardStatusOf } from './toolkits';

export interface IntegrationsPageProps {
  theme: Theme;
  onThemeChange: (theme: Theme) => void;
  mode: ConnectMode;
  onModeChange: (mode: ConnectMode) => void;
}

/** A SaaS product's "Integrations" settings page, built on the kit. */
export function IntegrationsPage({ theme, onThemeChange, mode, onModeChange }: IntegrationsPageProps) {
  const client = useQueryClient();
  const configs = useAuthConfigs();
  const accounts = useConnectedAccounts();
  const [announcement, setAnnouncement] = useState('');
  const refresh = useCallback(() => void refreshConnectedAccounts(client), [client]);
  const configList = configs.data ?? [];

  return (
    <div className="demo-shell">
      <header className="demo-header">
        <div className="demo-header__inner">
          <a className="demo-brand" href="/">
            <span className="demo-brand__mark" aria-hidden="true">
              A
            </span>
            Acme Cloud
          </a>
          <nav aria-label="Settings" className="demo-nav">
            <a href="/" aria-current="page">
              Integrations
            </a>
          </nav>
          <SettingSwitch label="Theme" options={THEMES} value={theme} onValueChange={onThemeChange} />
        </div>
      </header>

      <div className="demo-layout">
        <main className="demo-main">
          <div className="demo-intro">
            <h1>Integrations</h1>
            <p>
              Connect the tools your team already uses. Credentials stay on the server; this page never sees a
              key.
            </p>
          </div>

          <section aria-labelledby="apps-heading" className="demo-section">
            <div className="demo-section__head">
              <h2 id="apps-heading">Apps</h2>
              <SettingSwitch
                label="OAuth opens in"
                options={MODES}
                value={mode}
                onValueChange={onModeChange}
              />
            </div>
            {configs.error ? (
              <p role="alert" className="demo-empty demo-empty--error">
                The apps could not be loaded: {configs.error.message}
              </p>
            ) : configs.data === undefined ? (
              <p className="demo-empty">Loading apps…</p>
            ) : (
              <ul className="demo-grid">
                {configList.map((config) => (
                  <li key={config.id}>
                    <IntegrationCard
                      config={config}
                      mode={mode}
                      status={settledCardStatusOf(
                        (accounts.data ?? []).filter((account) => account.auth_config.id === config.id),
                      )}
                      onAccountsChanged={refresh}
                      onAnnounce={setAnnouncement}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="accounts-heading" className="demo-section">
            <h2 id="accounts-heading">Connected accounts</h2>
            <ConnectedAccountsList configs={configList} headingId="accounts-heading" mode={mode} />
          </section>
          <p role="status" className="demo-visually-hidden">
            {announcement}
          </p>
        </main>

        <aside aria-labelledby="sandbox-heading" className="demo-aside">
          <h2 id="sandbox-heading">Sandbox controls</h2>
          <SandboxPanel />
        </aside>
      </div>

      <footer className="demo-footer">
        <p>Plugboard demo on the local sandbox. The sandbox controls are for development only.</p>
      </footer>
    </div>
  );
}
