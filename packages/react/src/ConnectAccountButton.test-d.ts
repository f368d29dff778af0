import type { ConnectError, ConnectedAccount, ConnectFlowSnapshot, ConnectMode } from '@plugboard/core';
import type { ComponentProps, ReactNode } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type { AccountActions } from './account-actions';
import type { ConnectAccountButton } from './ConnectAccountButton';
import type { ConnectCallback } from './ConnectCallback';
import type { ConnectProvider } from './ConnectProvider';
import type { AccountAwareConnect } from './useAccountAwareConnect';
import type { UseConnectAccountResult, useConnectAccount } from './useConnectAccount';
import type { useConnectedAccount } from './useConnectedAccount';

describe('ConnectAccountButton types', () => {
  type Props = ComponentProps<typeof ConnectAccountButton>;

  it('takes the documented props', () => {
    expectTypeOf<Props['authConfigId']>().toEqualTypeOf<string>();
    expectTypeOf<Props['mode']>().toEqualTypeOf<ConnectMode | undefined>();
    expectTypeOf<ConnectMode>().toEqualTypeOf<'popup' | 'redirect' | 'auto'>();
    expectTypeOf<NonNullable<Props['onSuccess']>>().parameters.toEqualTypeOf<
      [{ connectedAccountId: string }]
    >();
    expectTypeOf<NonNullable<Props['onError']>>().parameters.toEqualTypeOf<[ConnectError]>();
    expectTypeOf<NonNullable<Props['onStateChange']>>().parameters.toEqualTypeOf<[ConnectFlowSnapshot]>();
    expectTypeOf<Props['asChild']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Props['unstyled']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Props['appName']>().toEqualTypeOf<string | undefined>();
  });

  it('takes a label or a render function of the flow, and the button element props', () => {
    expectTypeOf<Props['children']>().toEqualTypeOf<
      ReactNode | ((connect: UseConnectAccountResult & Partial<AccountAwareConnect>) => ReactNode) | undefined
    >();
    expectTypeOf<AccountAwareConnect>().toMatchTypeOf<UseConnectAccountResult>();
    expectTypeOf<Props['allowMultiple']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Props['appName']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Props['accountActions']>().toEqualTypeOf<AccountActions | undefined>();
    expectTypeOf<Props>().toHaveProperty('className');
    expectTypeOf<Props>().toHaveProperty('onClick');
    expectTypeOf<Props['ref']>().toMatchTypeOf<React.Ref<HTMLButtonElement> | undefined>();
  });
});

describe('hook results', () => {
  it('useConnectAccount returns the snapshot and its actions', () => {
    type Result = ReturnType<typeof useConnectAccount>;
    expectTypeOf<Result['status']>().toEqualTypeOf<ConnectFlowSnapshot['status']>();
    expectTypeOf<Result['connectedAccountId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Result['error']>().toEqualTypeOf<ConnectError | undefined>();
    expectTypeOf<Result['start']>().toEqualTypeOf<() => void>();
    expectTypeOf<Result['retry']>().toEqualTypeOf<() => void>();
    expectTypeOf<Result['cancel']>().toEqualTypeOf<() => void>();
    expectTypeOf<Result['reopen']>().toEqualTypeOf<() => void>();
    expectTypeOf<Result['popupClosed']>().toEqualTypeOf<boolean>();
    expectTypeOf<Result['isBusy']>().toEqualTypeOf<boolean>();
  });

  it('useConnectedAccount caches an account without its credentials', () => {
    type Data = NonNullable<ReturnType<typeof useConnectedAccount>['data']>;
    expectTypeOf<Data>().toHaveProperty('status');
    expectTypeOf<Data['status']>().toEqualTypeOf<ConnectedAccount['status']>();
    expectTypeOf<Data>().not.toHaveProperty('state');
    expectTypeOf<Data>().not.toHaveProperty('data');
    expectTypeOf<Data>().not.toHaveProperty('params');
  });

  it('ConnectProvider and ConnectCallback take their documented props', () => {
    expectTypeOf<ComponentProps<typeof ConnectProvider>>().toHaveProperty('backend');
    expectTypeOf<ComponentProps<typeof ConnectProvider>['callbackUrl']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ComponentProps<typeof ConnectCallback>['url']>().toEqualTypeOf<string | undefined>();
  });
});
