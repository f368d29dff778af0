import { Connections } from './connections';

export default function IntegrationsPage() {
  return (
    <main>
      <h1>Integrations</h1>
      <Connections />
    </main>
  );
}
