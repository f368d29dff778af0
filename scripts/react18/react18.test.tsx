import { createHttpBackend } from '@plugboard/core';
import { ConnectAccountButton, ConnectProvider } from '@plugboard/react';
import { render, screen } from '@testing-library/react';
import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';
import { renderToString } from 'react-dom/server';
import { expect, test } from 'vitest';

// Runs only in the `unit-react18` project: proves the matrix really swaps React, not just its name.
test('the React 18 project runs React 18 and ReactDOM 18', () => {
  expect(reactVersion).toMatch(/^18\./);
  expect(reactDomVersion).toMatch(/^18\./);
});

test('the provider and the button render under React 18, on the client and on the server', () => {
  // Rendering calls no backend; a real one keeps the test honest if that ever changes.
  const backend = createHttpBackend({ baseUrl: 'http://127.0.0.1:9/api' });
  render(
    <ConnectProvider backend={backend}>
      <ConnectAccountButton authConfigId="ac_github">Connect GitHub</ConnectAccountButton>
    </ConnectProvider>,
  );
  expect(screen.getByRole('button', { name: 'Connect GitHub' }).getAttribute('data-state')).toBe('idle');
  expect(
    renderToString(
      <ConnectProvider backend={backend}>
        <ConnectAccountButton authConfigId="ac_github">Connect GitHub</ConnectAccountButton>
      </ConnectProvider>,
    ),
  ).toContain('Connect GitHub</button>');
});
