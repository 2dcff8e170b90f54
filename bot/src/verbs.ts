/** The `Action.Execute` verbs our cards carry and the bot answers. */
export const verbs = {
  confirmRun: 'run.confirm',
  cancelRun: 'run.cancel',
  runAgain: 'run.again',
  refreshRun: 'run.refresh',
  muteJob: 'job.mute',
  approveRestore: 'restore.approve',
  rejectRestore: 'restore.reject',
  refreshApproval: 'restore.refresh',
} as const;

export type Verb = (typeof verbs)[keyof typeof verbs];
