/**
 * Precedence: the first rule in each list that decides wins (§4 for current tenancies, §7 for former
 * tenancies). The last rule of each list always decides.
 */
import { arrangementRule } from './current/arrangement.rule';
import { claimIssuedRule } from './current/claim-issued.rule';
import { courtOrderRule } from './current/court-order.rule';
import { evictionScheduledRule } from './current/eviction-scheduled.rule';
import { insolvencyRule } from './current/insolvency.rule';
import { ladderRule } from './current/ladder.rule';
import { noRealArrearsRule } from './current/no-real-arrears.rule';
import { noticeRule } from './current/notice.rule';
import { tenantDeceasedRule } from './current/tenant-deceased.rule';
import { formerArrangementRule } from './former/arrangement-kept.rule';
import { balanceSettledRule } from './former/balance-settled.rule';
import { debtAgencyReferralRule } from './former/debt-agency-referral.rule';
import { deceasedWriteOffRule } from './former/deceased-write-off.rule';
import { ftaLetterRule } from './former/fta-letter.rule';
import { insolvencyWriteOffRule } from './former/insolvency-write-off.rule';
import { formerMonitorRule } from './former/monitor.rule';
import { statuteBarredRule } from './former/statute-barred.rule';
import { traceReferralRule } from './former/trace-referral.rule';
import { uncollectableRule } from './former/uncollectable.rule';
import { uneconomicRule } from './former/uneconomic.rule';
import type { Rule } from './rule';

export const CURRENT_TENANCY_RULES: readonly Rule[] = [
  tenantDeceasedRule,
  insolvencyRule,
  evictionScheduledRule,
  courtOrderRule,
  claimIssuedRule,
  noRealArrearsRule,
  arrangementRule,
  noticeRule,
  ladderRule,
];

export const FORMER_TENANCY_RULES: readonly Rule[] = [
  balanceSettledRule,
  insolvencyWriteOffRule,
  deceasedWriteOffRule,
  statuteBarredRule,
  uneconomicRule,
  uncollectableRule,
  formerArrangementRule,
  traceReferralRule,
  ftaLetterRule,
  debtAgencyReferralRule,
  formerMonitorRule,
];
