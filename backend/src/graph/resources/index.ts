export type { GraphListing, GraphReads, GraphWrites } from './graph-access.js';
export { mailboxResource, signedInUserIdPath, userPath } from './user-path.js';
export {
  deleteOutlookItem,
  outlookFolderLevel,
  outlookItemPath,
  type ExtendedProperty,
  type ItemBody,
  type OutlookFolderCollection,
  type OutlookItemSegment,
} from './outlook-items.js';
export { childMailFolders, inboxFolderPath, topMailFolders, type GraphMailFolder } from './mail-folders.js';
export {
  attachmentUploadSessionPath,
  createMessage,
  folderMessagesPath,
  messageAttachmentsPath,
  messageDeltaStart,
  messageMimePath,
  messagePath,
  sendMail,
  updateMessage,
  type GraphMessage,
  type GraphRecipient,
} from './messages.js';
export {
  childContactFoldersPath,
  contactFolderPath,
  defaultContactFolderName,
  defaultContactFolderProbes,
  type GraphContactFolder,
} from './contact-folders.js';
export { contactDeltaStart, folderContactsPath, type GraphContact } from './contacts.js';
export {
  calendarEventsPath,
  calendarsPath,
  defaultCalendarId,
  eventInstancesPath,
  eventListing,
  eventPath,
  userEventsPath,
  type GraphAttendee,
  type GraphCalendar,
  type GraphDateTimeZone,
  type GraphEvent,
} from './events.js';
export {
  driveChildByNamePath,
  driveChildContentPath,
  driveChildUploadSessionPath,
  driveChildrenPath,
  driveDeltaStart,
  driveItemCheckSelect,
  driveItemContentPath,
  driveItemPath,
  driveRootPath,
  readUserDriveId,
  userDriveIdPath,
  type DriveChildWrite,
  type GraphDriveItem,
} from './drive-items.js';
export {
  channelMessagesDeltaStart,
  listChannels,
  listReplies,
  type GraphChannel,
  type GraphChannelMessage,
} from './channels.js';
export {
  exportItems,
  exportItemsLimit,
  importExportPermission,
  isPermissionMissing,
  MailboxImporter,
  primaryMailboxId,
  exchangeSettingsPath,
  type ExportedItem,
  type MailboxApiClient,
} from './mailbox-import-export.js';
export {
  createMailboxFolder,
  getMailboxItem,
  listChildFolders,
  listFolderItems,
  listMailboxFolders,
  mailboxFolderDelta,
  mailboxFolderExists,
  mailboxItemDeltaPath,
  subjectPropertyId,
  type MailboxAddress,
  type MailboxFolder,
  type MailboxFolderClient,
  type MailboxItem,
} from './mailbox-folders.js';
