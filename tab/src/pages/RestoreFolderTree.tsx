import { Button } from '@fluentui/react-components';
import type { BackedUpFolder } from '../api/model.js';
import { useLanguage } from '../i18n/language.js';

function depthOf(folder: BackedUpFolder, byId: Map<string, BackedUpFolder>): number {
  let depth = 0;
  for (let parent = folder.parentId; parent && byId.has(parent) && depth < 20; depth += 1) {
    parent = byId.get(parent)?.parentId ?? null;
  }
  return depth;
}

/** The account's folders by path, indented by depth; the chosen one is pressed. */
export function RestoreFolderTree({
  folders,
  chosen,
  onChoose,
}: {
  folders: readonly BackedUpFolder[];
  chosen: BackedUpFolder | undefined;
  onChoose: (folder: BackedUpFolder) => void;
}) {
  const { t } = useLanguage();
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  return (
    <ul className="folder-tree" aria-label={t('restoreFolders')}>
      {folders.map((folder) => (
        <li key={folder.id} style={{ paddingLeft: `${depthOf(folder, byId) * 16}px` }}>
          <Button
            appearance={chosen?.id === folder.id ? 'primary' : 'subtle'}
            aria-pressed={chosen?.id === folder.id}
            size="small"
            onClick={() => onChoose(folder)}
          >
            {folder.displayName}
            {folder.deleted ? ` (${t('restoreFolderDeleted')})` : ''}
          </Button>
        </li>
      ))}
    </ul>
  );
}
