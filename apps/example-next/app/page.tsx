import Link from 'next/link';

export default function Home() {
  return (
    <main>
      <h1>Plugboard in Next.js</h1>
      <ul>
        <li>
          <Link href="/settings/integrations">Integrations</Link>: GitHub by popup, Zendesk by form (a client
          component)
        </li>
        <li>
          <Link href="/settings/zendesk">Zendesk</Link>: the form's parts in a server component
        </li>
      </ul>
    </main>
  );
}
