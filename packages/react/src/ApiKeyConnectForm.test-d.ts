import type { AuthScheme, ConnectError, CreatedConnectedAccount, FieldInput } from '@plugboard/core';
import type { ComponentProps } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type { ApiKeyConnectForm } from './ApiKeyConnectForm';
import type { useCreateConnectedAccount } from './useCreateConnectedAccount';
import type { UseCredentialFormResult } from './useCredentialForm';

describe('ApiKeyConnectForm types', () => {
  it('takes the documented props', () => {
    type Props = ComponentProps<typeof ApiKeyConnectForm>;
    expectTypeOf<Props['authConfigId']>().toEqualTypeOf<string>();
    expectTypeOf<Props['fields']>().toEqualTypeOf<readonly FieldInput[] | undefined>();
    expectTypeOf<Props['authScheme']>().toEqualTypeOf<AuthScheme | undefined>();
    expectTypeOf<NonNullable<Props['onSuccess']>>().parameters.toEqualTypeOf<[CreatedConnectedAccount]>();
    expectTypeOf<NonNullable<Props['onError']>>().parameters.toEqualTypeOf<[ConnectError]>();
    expectTypeOf<Props['validateCredentials']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Props['appName']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ComponentProps<typeof ApiKeyConnectForm.Root>['autoFocus']>().toEqualTypeOf<
      boolean | undefined
    >();
    // Form element props pass through; the DOM's own onError is replaced by ours.
    expectTypeOf<Props>().toHaveProperty('className');
    expectTypeOf<Props['ref']>().toMatchTypeOf<React.Ref<HTMLFormElement> | undefined>();
  });

  it('has compound parts taking their element props', () => {
    expectTypeOf<ComponentProps<typeof ApiKeyConnectForm.Field>['name']>().toEqualTypeOf<string>();
    expectTypeOf<ComponentProps<typeof ApiKeyConnectForm.Submit>['asChild']>().toEqualTypeOf<
      boolean | undefined
    >();
    expectTypeOf<ComponentProps<typeof ApiKeyConnectForm.Submit>>().toHaveProperty('onClick');
    expectTypeOf<ComponentProps<typeof ApiKeyConnectForm.Error>>().toHaveProperty('className');
    expectTypeOf<ComponentProps<typeof ApiKeyConnectForm.Root>>().toHaveProperty('children');
  });

  it('types the hooks', () => {
    expectTypeOf<UseCredentialFormResult['status']>().toEqualTypeOf<'loading' | 'error' | 'ready'>();
    expectTypeOf<UseCredentialFormResult['submitState']>().toEqualTypeOf<
      'idle' | 'submitting' | 'connected' | 'failed'
    >();
    expectTypeOf<UseCredentialFormResult['error']>().toEqualTypeOf<ConnectError | null>();
    expectTypeOf<UseCredentialFormResult['connectAnother']>().toEqualTypeOf<() => void>();
    expectTypeOf<UseCredentialFormResult['appName']>().toEqualTypeOf<string | undefined>();
    const result = {} as ReturnType<typeof useCreateConnectedAccount>;
    expectTypeOf(result.connect).returns.resolves.toEqualTypeOf<CreatedConnectedAccount>();
    expectTypeOf(result.error).toEqualTypeOf<ConnectError | null>();
  });
});
