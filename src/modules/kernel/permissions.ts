/** Roles and what each may do. Every route declares one of these permissions. */
export const roles = ['admin', 'manager', 'agent', 'responder', 'quality'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'complaint:read',
  'complaint:create',
  'complaint:update',
  'complaint:assign',
  'complaint:message',
  'complaint:note',
  'customer:read',
  'customer:write',
  'customer:update',
  'reason:read',
  'reason:admin',
  'template:read',
  'template:admin',
  'user:read',
  'user:admin',
  'department:read',
  'department:admin',
  'org:admin',
  'apikey:admin',
  'audit:read',
  'mailbox:read',
  'sla:read',
  'sla:admin',
  'tasktype:admin',
  'commitment:make',
  'deadline:answer',
  'report:read',
  'followup:record',
  'reward:grant',
  'reward:approve',
  'reward:admin',
  'problem:read',
  'problem:link',
  'problem:write',
  'problem:close',
  'webhook:admin',
  'survey:read',
  'survey:admin',
  'call:log',
  'commerce:read',
  'commerce:write',
  'commerce:import',
  'winback:work',
] as const;
export type Permission = (typeof permissions)[number];

const frontLine: Permission[] = [
  'complaint:read',
  'complaint:create',
  'complaint:update',
  'complaint:message',
  'complaint:note',
  'customer:read',
  'customer:write',
  'customer:update',
  'reason:read',
  'template:read',
  'user:read',
  'department:read',
  'mailbox:read',
  'sla:read',
  'commitment:make',
  'followup:record',
  'reward:grant',
  // Step 8: the front line sees problems and links its cases to them (from the suggestions).
  'problem:read',
  'problem:link',
  // Satisfaction: the front line sees its cases' surveys and answers.
  'survey:read',
  // Phone: the front line logs its calls on a case and attaches their recordings.
  'call:log',
  // Win-back: the front line calls the customers who left after a complaint.
  'winback:work',
];

/** What each role may do. Admins hold everything; the rest hold what their part of the loop needs. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  manager: [
    ...frontLine,
    'complaint:assign',
    'audit:read',
    'deadline:answer',
    'report:read',
    'reward:approve',
    'problem:write',
    // The customer page shows what a customer bought, for the cohorts and win-back.
    'commerce:read',
    // A manager brings the shop's orders and subscriptions in from a file, for the cohorts;
    // the bulk API (commerce:write) stays with the org's systems and the admins.
    'commerce:import',
  ],
  agent: frontLine,
  responder: [
    'complaint:read',
    'complaint:note',
    'customer:read',
    'reason:read',
    'user:read',
    'department:read',
    'sla:read',
    'deadline:answer',
    // Step 8: the people named in a responsibility chain or owning an action often answer
    // deadline requests too; they read the problem, acknowledge their link, record evidence.
    'problem:read',
  ],
  quality: [
    'complaint:read',
    'complaint:note',
    'customer:read',
    'reason:read',
    'user:read',
    'department:read',
    'audit:read',
    'sla:read',
    'report:read',
    'problem:read',
    'problem:link',
    'problem:write',
    'problem:close',
    'survey:read',
    'commerce:read',
  ],
};

/** API keys act for an integration: intake and follow-up, no administration. */
export const apiKeyPermissions: readonly Permission[] = [
  'complaint:read',
  'complaint:create',
  'complaint:update',
  'complaint:message',
  'complaint:note',
  'customer:read',
  'customer:write',
  'reason:read',
  // A phone system logs the calls it carried.
  'call:log',
  // The org's shop, billing and referral systems send their orders, subscriptions and referrals.
  'commerce:write',
];

export const isRole = (value: string): value is Role =>
  (roles as readonly string[]).includes(value);
