/** An HTTP error a controller throws: the error handler renders the GOV.UK error page (or problem JSON under /api). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message?: string,
  ) {
    super(message ?? String(status));
  }
}

export const notFound = (message = 'Page not found') => new HttpError(404, message);
export const forbidden = (message = 'You do not have permission to do this') => new HttpError(403, message);
export const badRequest = (message = 'Bad request') => new HttpError(400, message);
