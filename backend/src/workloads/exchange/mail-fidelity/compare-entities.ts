import { alignChildren } from './align-parts.js';
import { compareLeafContent, contentSummary } from './compare-content.js';
import { compareDescription } from './compare-description.js';
import { compareHeaderFields } from './compare-headers.js';
import { phrase } from './difference-phrases.js';
import type { MailDifference } from './mail-difference.js';
import { isMultipart, type MimeEntity } from './mime-entity.js';

/** Where an entity sits: the prefix of its enclosing message/rfc822 parts and its IMAP part number ('' for a root). */
interface Place {
  prefix: string;
  number: string;
}

function label(entity: MimeEntity, place: Place): string {
  if (place.number === '') return `${place.prefix}body`;
  const name = entity.filename !== undefined ? `attachment ${entity.filename}` : `part ${place.number}`;
  return `${place.prefix}${name}`;
}

function childPlace(place: Place, index: number): Place {
  return { prefix: place.prefix, number: place.number === '' ? `${index + 1}` : `${place.number}.${index + 1}` };
}

function describeType(entity: MimeEntity): string {
  return entity.filename !== undefined ? `${entity.contentType.value} ${entity.filename}` : entity.contentType.value;
}

function compareChildren(original: MimeEntity, restored: MimeEntity, place: Place): MailDifference[] {
  const differences: MailDifference[] = [];
  for (const [originalIndex, restoredIndex] of alignChildren(original.children, restored.children)) {
    const before = originalIndex === undefined ? undefined : original.children[originalIndex];
    const after = restoredIndex === undefined ? undefined : restored.children[restoredIndex];
    if (before && after) {
      differences.push(...compareEntity(before, after, childPlace(place, originalIndex!)));
    } else if (before) {
      const where = label(before, childPlace(place, originalIndex!));
      differences.push({ where, what: phrase('partMissing'), expected: describeType(before) });
    } else if (after) {
      const where = label(after, childPlace(place, restoredIndex!));
      differences.push({ where, what: phrase('partAdded'), actual: describeType(after) });
    }
  }
  return differences;
}

function compareEmbedded(original: MimeEntity, restored: MimeEntity, where: string): MailDifference[] {
  const before = original.embedded;
  const after = restored.embedded;
  if (before && after && !('unreadable' in before) && !('unreadable' in after)) {
    return compareEntity(before, after, { prefix: `${where} > `, number: '' });
  }
  if (before && !('unreadable' in before) && after && 'unreadable' in after) {
    return [{ where, what: phrase('messageUnreadable'), actual: after.unreadable }];
  }
  // Neither side could be read as a message (or nesting went too deep): the bytes still have to match.
  return compareLeafContent(original, restored, where);
}

function compareStructure(original: MimeEntity, restored: MimeEntity, place: Place): MailDifference[] {
  const where = label(original, place);
  if (isMultipart(original) && isMultipart(restored)) {
    const differences: MailDifference[] = [];
    const signedBefore = original.signedContent;
    const signedAfter = restored.signedContent;
    if (signedBefore && signedAfter && !signedBefore.equals(signedAfter)) {
      differences.push({
        where,
        what: phrase('signedContentChanged'),
        expected: contentSummary(signedBefore),
        actual: contentSummary(signedAfter),
      });
    }
    return [...differences, ...compareChildren(original, restored, place)];
  }
  if (isMultipart(original)) {
    // The restored copy flattened a multipart into one leaf: every original part is gone as a part.
    return original.children.map((child, index) => ({
      where: label(child, childPlace(place, index)),
      what: phrase('partMissing'),
      expected: describeType(child),
    }));
  }
  if (isMultipart(restored)) {
    return [
      { where, what: phrase('contentDiffers'), expected: contentSummary(original.content ?? Buffer.alloc(0)) },
      ...restored.children.map((child, index) => ({
        where: label(child, childPlace(place, index)),
        what: phrase('partAdded'),
        actual: describeType(child),
      })),
    ];
  }
  if (original.contentType.value === 'message/rfc822' && restored.contentType.value === 'message/rfc822') {
    return compareEmbedded(original, restored, where);
  }
  return compareLeafContent(original, restored, where);
}

/** Every difference between two entities and everything below them. */
export function compareEntity(original: MimeEntity, restored: MimeEntity, place: Place): MailDifference[] {
  const where = label(original, place);
  const headersWhere = place.number === '' ? `${place.prefix}headers` : where;
  return [
    ...compareHeaderFields(original.headers, restored.headers, headersWhere),
    ...compareDescription(original, restored, where),
    ...compareStructure(original, restored, place),
  ];
}

/** Compares two parsed messages from their roots. */
export function compareMessageTrees(original: MimeEntity, restored: MimeEntity): MailDifference[] {
  return compareEntity(original, restored, { prefix: '', number: '' });
}
