import { GraphRequestError, GraphResyncRequired } from '../graph/errors.js';
import type { GraphErrorReader } from './run-engine.js';

/** Answers Graph gives for one item that retrying will not change. */
const unreadableStatuses = new Set([400, 403, 404, 410, 422]);

/** Reads the Graph layer's typed errors for the backup engine. */
export const graphErrorReader: GraphErrorReader = {
  resyncOf(error) {
    return error instanceof GraphResyncRequired ? (error.location ? { location: error.location } : {}) : null;
  },
  isItemUnreadable(error) {
    return (
      error instanceof GraphRequestError &&
      !(error instanceof GraphResyncRequired) &&
      unreadableStatuses.has(error.status)
    );
  },
};
