import { z } from 'zod';

export const signInForm = z.object({
  username: z.string().trim().min(1, 'Enter your username').max(100, 'Enter your username'),
  password: z.string().min(1, 'Enter your password').max(1000, 'Enter your password'),
});

export type SignInForm = z.infer<typeof signInForm>;

/** Field errors in GOV.UK form: the first message per field, in the order of the page. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}
