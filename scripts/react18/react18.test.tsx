import { createHttpBackend } from '@plugboard/core';
import { ConnectProvider, useConnectContext } from '@plugboard/react';
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

function Probe() {
  const context = useConnectContext();
  return <p>{context.messages.retry}</p>;
}

test('the provider renders under React 18, on the client and on the server', () => {
  // Rendering calls no backend; a real one keeps the test honest if that ever changes.
  const backend = createHttpBackend({ baseUrl: 'http://127.0.0.1:9/api' });
  render(
    <ConnectProvider backend={backend}>
      <Probe />
    </ConnectProvider>,
  );
  expect(screen.getByText('Try again')).toBeTruthy();
  expect(
    renderToString(
      <ConnectProvider backend={backend}>
        <Probe />
      </ConnectProvider>,
    ),
  ).toContain('Try again');
});
