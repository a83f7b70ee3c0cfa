/** The OpenAPI 3.1 description of /api/v1 (served at GET /api/v1/openapi.json). */
/** `sessionCookie`: the name of the session cookie in use (`__Host-` prefixed in production, see session.ts). */
export function openApiDocument(sessionCookie = 'rentwise_session'): Record<string, unknown> {
  const problem = { $ref: '#/components/schemas/Problem' };
  const errors = (...codes: number[]) =>
    Object.fromEntries(codes.map((c) => [String(c), { description: { 401: 'Not signed in', 403: 'Not allowed for your role', 404: 'Not found', 400: 'Bad request' }[c] ?? 'Error', content: { 'application/problem+json': { schema: problem } } }]));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rentwise API',
      version: '1.0.0',
      description:
        "The officers' workspace as JSON. Sign in through the web sign-in page; the session cookie authenticates API calls. Money is integer pence; dates are YYYY-MM-DD (Europe/London). The same role and patch rules apply as on the pages.",
    },
    servers: [{ url: '/api/v1' }],
    security: [{ sessionCookie: [] }],
    paths: {
      '/openapi.json': { get: { summary: 'This document', operationId: 'getOpenApi', responses: { 200: { description: 'The OpenAPI document', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors(401) } } },
      '/me': { get: { summary: 'Who is signed in', operationId: 'getMe', responses: { 200: { description: 'The signed-in user', content: { 'application/json': { schema: { $ref: '#/components/schemas/Me' } } } }, ...errors(401) } } },
      '/worklist': {
        get: {
          summary: "The signed-in officer's caseload: cases with an action, by priority then real arrears",
          operationId: 'getWorklist',
          parameters: [
            { name: 'patch', in: 'query', schema: { type: 'string' }, description: "'mine' (default), 'all', or a patch id" },
            { name: 'action', in: 'query', schema: { type: 'string' }, description: 'Only this recommended action' },
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 }, description: '50 cases a page' },
          ],
          responses: { 200: { description: 'One page of the worklist', content: { 'application/json': { schema: { $ref: '#/components/schemas/Worklist' } } } }, ...errors(401, 403) },
        },
      },
      '/worklist/follow-ups': {
        get: {
          summary: 'Every follow-up due by today in the worklist\'s scope, oldest due first',
          operationId: 'getFollowUpsDue',
          parameters: [
            { name: 'patch', in: 'query', schema: { type: 'string' }, description: "'mine' (default), 'all', or a patch id" },
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 }, description: '50 a page (past the end: the last page)' },
          ],
          responses: { 200: { description: 'One page of follow-ups', content: { 'application/json': { schema: { $ref: '#/components/schemas/DueList' } } } }, ...errors(401, 403) },
        },
      },
      '/worklist/tasks': {
        get: {
          summary: 'Every open task due by today in the worklist\'s scope, oldest due first',
          operationId: 'getTasksDue',
          parameters: [
            { name: 'patch', in: 'query', schema: { type: 'string' }, description: "'mine' (default), 'all', or a patch id" },
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 }, description: '50 a page (past the end: the last page)' },
          ],
          responses: { 200: { description: 'One page of tasks', content: { 'application/json': { schema: { $ref: '#/components/schemas/DueList' } } } }, ...errors(401, 403) },
        },
      },
      '/tenancies/{ref}': {
        get: {
          summary: 'One account: balances, flags and the current assessment',
          operationId: 'getTenancy',
          parameters: [{ name: 'ref', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'The account', content: { 'application/json': { schema: { $ref: '#/components/schemas/Tenancy' } } } }, ...errors(401, 403, 404) },
        },
      },
      '/approvals': {
        get: {
          summary: 'Requests waiting for a manager (managers only)',
          operationId: 'getApprovals',
          responses: { 200: { description: 'Pending requests', content: { 'application/json': { schema: { $ref: '#/components/schemas/Approvals' } } } }, ...errors(401, 403) },
        },
      },
    },
    components: {
      securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: sessionCookie } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } },
        },
        Me: {
          type: 'object',
          required: ['username', 'name', 'roles'],
          properties: { username: { type: 'string' }, name: { type: 'string' }, roles: { type: 'array', items: { type: 'string', enum: ['officer', 'senior_officer', 'manager', 'admin'] } }, patch: { type: ['string', 'null'] } },
        },
        Flags: {
          type: 'object',
          properties: { vulnerable: { type: 'boolean' }, breathingSpace: { type: 'boolean' }, dispute: { type: 'boolean' } },
        },
        WorklistItem: {
          type: 'object',
          required: ['tenancyRef', 'action', 'priority', 'realArrearsPence'],
          properties: {
            tenancyRef: { type: 'string' },
            names: { type: 'array', items: { type: 'string' } },
            patch: { type: ['string', 'null'] },
            action: { type: 'string' },
            needsApproval: { type: 'boolean' },
            priority: { type: 'integer' },
            realArrearsPence: { type: 'integer' },
            weeksInArrears: { type: ['number', 'null'] },
            firstReason: { type: ['string', 'null'] },
            legalStage: { type: 'string' },
            flags: { $ref: '#/components/schemas/Flags' },
            canAct: { type: 'boolean' },
          },
        },
        Worklist: {
          type: 'object',
          required: ['asOf', 'page', 'pageSize', 'total', 'items'],
          properties: {
            asOf: { type: 'string', format: 'date' },
            page: { type: 'integer' },
            pageSize: { type: 'integer' },
            total: { type: 'integer' },
            countsByAction: { type: 'object', additionalProperties: { type: 'integer' } },
            items: { type: 'array', items: { $ref: '#/components/schemas/WorklistItem' } },
            followUps: { type: 'array', description: 'The 10 most overdue follow-ups (all: /worklist/follow-ups)', items: { $ref: '#/components/schemas/FollowUp' } },
            followUpsTotal: { type: 'integer' },
            tasks: { type: 'array', description: 'The 10 most overdue open tasks (all: /worklist/tasks)', items: { $ref: '#/components/schemas/Task' } },
            tasksTotal: { type: 'integer' },
            links: { type: 'object', properties: { followUps: { type: 'string' }, tasks: { type: 'string' } } },
          },
        },
        FollowUp: {
          type: 'object',
          required: ['tenancyRef', 'dueDate'],
          properties: { tenancyRef: { type: 'string' }, dueDate: { type: 'string', format: 'date' }, reason: { type: ['string', 'null'] }, canAct: { type: 'boolean' } },
        },
        Task: {
          type: 'object',
          required: ['tenancyRef', 'kind', 'title', 'dueOn'],
          properties: { tenancyRef: { type: 'string' }, kind: { type: 'string' }, title: { type: 'string' }, dueOn: { type: 'string', format: 'date' }, canAct: { type: 'boolean' } },
        },
        DueList: {
          type: 'object',
          required: ['asOf', 'page', 'pageSize', 'pageCount', 'total', 'items'],
          properties: {
            asOf: { type: 'string', format: 'date' },
            page: { type: 'integer' },
            pageSize: { type: 'integer' },
            pageCount: { type: 'integer' },
            total: { type: 'integer' },
            items: { type: 'array', items: { oneOf: [{ $ref: '#/components/schemas/FollowUp' }, { $ref: '#/components/schemas/Task' }] } },
          },
        },
        Tenancy: {
          type: 'object',
          required: ['tenancyRef', 'balancePence', 'subAccounts', 'assessment'],
          properties: {
            tenancyRef: { type: 'string' },
            paymentReference: { type: 'string' },
            tenure: { type: 'string' },
            patch: { type: ['string', 'null'] },
            startDate: { type: 'string', format: 'date' },
            endDate: { type: ['string', 'null'], format: 'date' },
            tenants: { type: 'array', items: { type: 'string' } },
            address: { type: ['string', 'null'] },
            postcode: { type: ['string', 'null'] },
            balancePence: { type: 'integer' },
            subAccounts: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, balancePence: { type: 'integer' } } } },
            assessment: { type: ['object', 'null'], description: 'The latest stored assessment in the output format of `rentwise assess`, plus policyVersion and trace' },
            flags: { $ref: '#/components/schemas/Flags' },
            legalStage: { type: 'string' },
            canAct: { type: 'boolean' },
          },
        },
        Approvals: {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: { id: { type: 'integer' }, tenancyRef: { type: 'string' }, action: { type: 'string' }, requestedBy: { type: 'string' }, requestedAt: { type: 'string', format: 'date-time' } },
              },
            },
          },
        },
      },
    },
  };
}
