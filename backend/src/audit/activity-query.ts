import type { Filter } from 'mongodb';
import { z } from 'zod';
import { activityActions, activityCategories } from '../activity-actions/actions.js';
import { listQuery } from '../http/pagination.js';
import { filterText, isoDateTime } from '../http/schemas.js';
import type { ActivityEntry } from './activity-store.js';

/** The activity log's filters (default: everything), shared by the list and the CSV export. */
export const activityFilters = {
  action: z.enum(activityActions).optional().describe('Exact action, e.g. portal_user.invited'),
  category: z.enum(activityCategories).optional().describe('Type of event, e.g. portal_user, restore, export'),
  person: filterText.optional().describe('Email address of the person who acted'),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
};

export const activityListQuery = listQuery(['seq'], '-seq', activityFilters);

export function activityFilter(query: {
  action?: string | undefined;
  category?: string | undefined;
  person?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): Filter<ActivityEntry> {
  const filter: Filter<ActivityEntry> = {};
  if (query.action) filter.action = query.action;
  if (query.category) filter.category = query.category;
  if (query.person) filter['actor.email'] = query.person.toLowerCase();
  if (query.from || query.to) {
    filter.at = {
      ...(query.from && { $gte: new Date(query.from) }),
      ...(query.to && { $lte: new Date(query.to) }),
    };
  }
  return filter;
}
