import { itemsDeleteBackup } from '../api/generated.js';
import type { ProtectedItem } from '../api/model.js';
import { useSession } from '../api/session.js';
import { useAction, type ActionState } from '../api/use-action.js';
import { ConfirmButton } from '../components/confirm-button.js';
import type { Column, RowGroups } from '../components/data-table.js';
import { useLanguage, type Translate } from '../i18n/language.js';
import { mayDeleteBackups } from './restore-access.js';
import type { ItemRow } from './item-rows.js';

/**
 * A person's accounts together (the rows come sorted by e-mail): their mailbox, OneDrive and teams under one heading
 * with their name and e-mail (`withTeamsUnderMembers`); sites and teams, which belong to no one person, under a
 * heading of their own.
 */
export function byPerson(t: Translate): RowGroups<ItemRow> {
  return {
    key: (row) => row.listedUnder ?? '',
    label(rows) {
      const email = rows[0]?.listedUnder;
      if (!email) return t('itemsNoPerson');
      const mailbox = rows.find((row) => row.kind === 'mailbox');
      return mailbox ? `${mailbox.displayName} · ${email}` : email;
    },
  };
}

/** "Delete backup" on an account's row, for administrators only (nobody else sees a button the API would refuse). */
export interface BackupDeletion {
  readonly purge: ActionState;
  readonly columns: readonly Column<ProtectedItem, never>[];
}

/** The "Delete backup" column (empty for other roles) and the state of the deletion; `onDeleted` reloads the list. */
export function useBackupDeletion(onDeleted: () => void): BackupDeletion {
  const { t } = useLanguage();
  const { api, me } = useSession();
  const purge = useAction();
  if (!mayDeleteBackups(me.role)) return { purge, columns: [] };
  const column: Column<ProtectedItem, never> = {
    id: 'delete',
    header: t('itemDeleteBackup'),
    hiddenHeader: true,
    width: 150,
    cell: (item) => (
      <ConfirmButton
        label={t('itemDeleteBackup')}
        question={t('itemDeleteConfirm', { name: item.displayName })}
        typeToConfirm={item.displayName}
        typeLabel={t('itemDeleteType')}
        disabled={purge.busy}
        onConfirm={async () => {
          const done = await purge.run(
            () => itemsDeleteBackup(api, { params: { id: item.id }, body: { confirm: item.displayName } }),
            t('itemDeleted', { name: item.displayName }),
          );
          if (done) onDeleted();
        }}
      />
    ),
  };
  return { purge, columns: [column] };
}
