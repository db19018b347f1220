import { defineSearchAttributeKey } from '@temporalio/common';

// Registered when the dev server starts (temporal/devServer.ts) and by scripts/registerSearchAttributes.ts
// on a cluster, so ops can filter executions in the Temporal UI by business ids.
export const companyIdKey = defineSearchAttributeKey('CompanyId', 'KEYWORD');
export const conversationIdKey = defineSearchAttributeKey('ConversationId', 'KEYWORD');
export const campaignIdKey = defineSearchAttributeKey('CampaignId', 'KEYWORD');
export const departmentIdKey = defineSearchAttributeKey('DepartmentId', 'KEYWORD');
export const businessStatusKey = defineSearchAttributeKey('BusinessStatus', 'KEYWORD');

export const SEARCH_ATTRIBUTES = [companyIdKey, conversationIdKey, campaignIdKey, departmentIdKey, businessStatusKey];
