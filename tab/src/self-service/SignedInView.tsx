import './self-service.css';
import { ChannelConfig } from '../channel/ChannelConfig.js';
import { ChannelStatus } from '../channel/ChannelStatus.js';
import { OutlookPane } from '../outlook/OutlookPane.js';
import { Portal } from '../Portal.js';
import { MyBackupsView } from './MyBackupsView.js';
import type { AppView } from './views.js';

/** The signed-in page for the view the app package opened: a personal view, a pane, a channel tab, or the portal. */
export function SignedInView({ view, token }: { view: AppView; token: string }) {
  switch (view) {
    case 'my-backups':
      return <MyBackupsView token={token} />;
    case 'outlook-restore':
      return <OutlookPane token={token} />;
    case 'channel-config':
      return <ChannelConfig />;
    case 'channel':
      return <ChannelStatus token={token} />;
    default:
      return <Portal token={token} />;
  }
}
