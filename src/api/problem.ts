import type { Response } from 'express';

/** RFC 9457 problem details: every API error looks like this. */
export function sendProblem(res: Response, status: number, title: string, detail?: string): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }));
}
