import type {
  ConnectError,
  ConnectedAccountFilters,
  ConnectedAccountSummary,
  ConnectMode,
} from '@plugboard/core';
import type { ComponentProps } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type { AccountState } from './account-status';
import type { ConnectedAccountList } from './ConnectedAccountList';
import type { useDisconnect, useSetAccountEnabled } from './useAccountMutations';
import type { useConnectedAccounts } from './useConnectedAccounts';

describe('account hooks types', () => {
  it('useConnectedAccounts: summaries, typed errors', () => {
    type Result = ReturnType<typeof useConnectedAccounts>;
    expectTypeOf<Result['data']>().toEqualTypeOf<ConnectedAccountSummary[] | undefined>();
    expectTypeOf<Result['error']>().toEqualTypeOf<ConnectError | null>();
    expectTypeOf<Parameters<typeof useConnectedAccounts>[0]>().toEqualTypeOf<
      ConnectedAccountFilters | undefined
    >();
    expectTypeOf<ConnectedAccountSummary>().not.toHaveProperty('state');
  });

  it('useDisconnect takes an id, useSetAccountEnabled an id and a flag; both fail with ConnectError', () => {
    type Disconnect = ReturnType<typeof useDisconnect>;
    expectTypeOf<Disconnect['mutate']>().parameter(0).toEqualTypeOf<string>();
    expectTypeOf<Disconnect['error']>().toEqualTypeOf<ConnectError | null>();
    type SetEnabled = ReturnType<typeof useSetAccountEnabled>;
    expectTypeOf<SetEnabled['mutate']>().parameter(0).toEqualTypeOf<{ id: string; enabled: boolean }>();
    expectTypeOf<SetEnabled['error']>().toEqualTypeOf<ConnectError | null>();
  });
});

describe('ConnectedAccountList types', () => {
  type Props = ComponentProps<typeof ConnectedAccountList>;
  it('takes the documented props and the div props', () => {
    expectTypeOf<Props['filters']>().toEqualTypeOf<ConnectedAccountFilters | undefined>();
    expectTypeOf<Props['showAbandoned']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Props['mode']>().toEqualTypeOf<ConnectMode | undefined>();
    expectTypeOf<NonNullable<Props['appName']>>().parameters.toEqualTypeOf<[ConnectedAccountSummary]>();
    expectTypeOf<NonNullable<Props['onError']>>().parameters.toEqualTypeOf<
      [ConnectError, ConnectedAccountSummary]
    >();
    expectTypeOf<Props>().toHaveProperty('className');
    expectTypeOf<Props['ref']>().toMatchTypeOf<React.Ref<HTMLDivElement> | undefined>();
  });
  it('has its compound parts; an Item takes an account and its state', () => {
    expectTypeOf<typeof ConnectedAccountList>().toHaveProperty('Items');
    expectTypeOf<typeof ConnectedAccountList>().toHaveProperty('Disconnect');
    type ItemProps = ComponentProps<(typeof ConnectedAccountList)['Item']>;
    expectTypeOf<ItemProps['account']>().toEqualTypeOf<ConnectedAccountSummary>();
    expectTypeOf<ItemProps['state']>().toEqualTypeOf<AccountState | undefined>();
  });
});
