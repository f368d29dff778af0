import { type AuthConfig, authConfigListSchema } from '@plugboard/core';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'done'; items: AuthConfig[] };

/** The sandbox's toolkits and their auth schemes, read through the demo server (which holds the key). */
function Toolkits() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/demo/auth-configs', { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`The demo server answered HTTP ${response.status}`);
        setLoad({ state: 'done', items: authConfigListSchema.parse(await response.json()).items });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'error', message: String(error) });
      });
    return () => controller.abort();
  }, []);

  if (load.state === 'loading') return <p role="status">Loading toolkits…</p>;
  if (load.state === 'error') return <p role="alert">Could not load the toolkits: {load.message}</p>;
  return (
    <table>
      <caption>Toolkits in the sandbox</caption>
      <thead>
        <tr>
          <th scope="col">Toolkit</th>
          <th scope="col">Auth scheme</th>
          <th scope="col">Auth config</th>
        </tr>
      </thead>
      <tbody>
        {load.items.map((config) => (
          <tr key={config.id}>
            <th scope="row">{config.name}</th>
            <td>{config.auth_scheme ?? 'unknown'}</td>
            <td>
              <code>{config.id}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <main>
      <h1>Plugboard demo</h1>
      <Toolkits />
    </main>
  </StrictMode>,
);
