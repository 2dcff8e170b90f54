import {
  Hamburger,
  NavDrawer,
  NavDrawerBody,
  NavDrawerHeader,
  NavItem,
  NavSectionHeader,
  Tooltip,
} from '@fluentui/react-components';
import { Fragment, useState, type ReactNode } from 'react';
import { keyOf, useLanguage } from '../i18n/language.js';
import { sectionGroups, sectionLabels, type Section } from './sections.js';
import { useNarrow } from './use-narrow.js';

/** The navigation landmark inside the dialog of the folded menu; beside the page the drawer itself is the landmark. */
function NavLandmark({ inDialog, children }: { inDialog: boolean; children: ReactNode }) {
  const { t } = useLanguage();
  return inDialog ? <nav aria-label={t('navLabel')}>{children}</nav> : <>{children}</>;
}

export interface PortalNavProps {
  /** The sections this person may open. */
  readonly visible: readonly Section[];
  readonly current: Section;
  onOpen(section: Section): void;
}

/**
 * The portal's sections in their groups: a side navigation beside the page, folded behind a menu button when the tab
 * is narrow (then it opens over the page and closes once a section is chosen or on Escape).
 */
export function PortalNav({ visible, current, onOpen }: PortalNavProps) {
  const { t } = useLanguage();
  const narrow = useNarrow();
  const [open, setOpen] = useState(false);
  const groups = sectionGroups
    .map((group) => ({ id: group.id, sections: group.sections.filter((s) => visible.includes(s)) }))
    .filter((group) => group.sections.length > 0);
  const menuLabel = open ? t('navClose') : t('navOpen');
  return (
    <>
      {narrow && (
        <div className="nav-bar">
          <Tooltip content={menuLabel} relationship="label">
            <Hamburger aria-expanded={open} onClick={() => setOpen(!open)} />
          </Tooltip>
          <span className="nav-current">{t(sectionLabels[current])}</span>
        </div>
      )}
      <NavDrawer
        // Opened over the page it is a dialog that holds the navigation; beside the page it is the navigation.
        role={narrow ? 'dialog' : 'navigation'}
        aria-label={t('navLabel')}
        // Narrower than Fluent's 260 px so a 768 px tab keeps room for its tables.
        style={narrow ? undefined : { width: 220, height: 'auto' }}
        type={narrow ? 'overlay' : 'inline'}
        open={narrow ? open : true}
        onOpenChange={(_, data) => setOpen(data.open)}
        selectedValue={current}
        onNavItemSelect={(_, data) => {
          onOpen(data.value as Section);
          setOpen(false);
        }}
      >
        {narrow && (
          <NavDrawerHeader>
            <Tooltip content={t('navClose')} relationship="label">
              <Hamburger onClick={() => setOpen(false)} />
            </Tooltip>
          </NavDrawerHeader>
        )}
        <NavDrawerBody>
          <NavLandmark inDialog={narrow}>
            {groups.map((group) => (
              <Fragment key={group.id}>
                <NavSectionHeader>{t(keyOf('navGroup', group.id))}</NavSectionHeader>
                {group.sections.map((s) => (
                  <NavItem key={s} value={s}>
                    {t(sectionLabels[s])}
                  </NavItem>
                ))}
              </Fragment>
            ))}
          </NavLandmark>
        </NavDrawerBody>
      </NavDrawer>
    </>
  );
}
