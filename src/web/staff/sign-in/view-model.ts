import { errorList, type FieldErrors } from '../../forms';

export interface SignInPage {
  pageTitle: string;
  username: string;
  errors: FieldErrors;
  errorList: { text: string; href: string }[];
  notice: string | null;
  oidcEnabled: boolean;
}

const NOTICES: Record<string, string> = {
  timeout: 'You were signed out because you had not done anything for a while. Sign in again to continue.',
  signed_out: 'You have signed out.',
};

export function signInPage(input: { username?: string; errors?: FieldErrors; notice?: string | null; oidcEnabled: boolean; timeoutMinutes: number }): SignInPage {
  const errors = input.errors ?? {};
  const notice = input.notice === 'timeout' ? `You were signed out because you were inactive for ${input.timeoutMinutes} minutes. Sign in again to continue.` : input.notice ? (NOTICES[input.notice] ?? null) : null;
  return {
    pageTitle: 'Sign in',
    username: input.username ?? '',
    errors,
    errorList: errorList(errors),
    notice,
    oidcEnabled: input.oidcEnabled,
  };
}
