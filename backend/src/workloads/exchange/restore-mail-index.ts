import { folderMessagesPath, type GraphGateway } from '../../graph/index.js';
import { OutlookItemIndex, type MarkedEntity } from './restore-outlook-index.js';

interface ListedMessage extends MarkedEntity {
  internetMessageId?: string;
}

/** The messages of one target folder by internetMessageId and by restore marker (see OutlookItemIndex). */
export class FolderMessageIndex extends OutlookItemIndex<ListedMessage> {
  constructor(graph: GraphGateway, userId: string, folderId: string) {
    super(graph, {
      userId,
      path: folderMessagesPath(userId, folderId),
      select: 'id,internetMessageId',
      itemSegment: 'messages',
      identityOf: (message) => message.internetMessageId,
    });
  }

  withMessageId(internetMessageId: string): Promise<string[]> {
    return this.withIdentity(internetMessageId);
  }
}
