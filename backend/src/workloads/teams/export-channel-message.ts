import type { GraphChannelMessage } from '../../graph/index.js';

/** A backed-up channel message as stored: the message with its replies (see team-backup.ts). */
interface StoredThread {
  message: GraphChannelMessage;
  replies: GraphChannelMessage[];
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => escapes[character]!);

/** Teams bodies are HTML; scripts, event handlers and javascript: links are removed before they are shown. */
function safeBody(message: GraphChannelMessage): string {
  const content = message.body?.content ?? '';
  if (message.body?.contentType !== 'html') return escapeHtml(content);
  return content
    .replace(/<(script|style|iframe|object|embed)[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\son\w+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/(href|src)\s*=\s*(["'])\s*javascript:[^"']*\2/gi, '$1="#"');
}

function post(message: GraphChannelMessage, reply: boolean): string {
  const author = escapeHtml(message.from?.user?.displayName ?? 'unknown');
  const when = escapeHtml(message.createdDateTime ?? '');
  const subject = message.subject ? `<h2>${escapeHtml(message.subject)}</h2>` : '';
  return `<article class="${reply ? 'reply' : 'message'}"><header><strong>${author}</strong> <time>${when}</time></header>${subject}<div>${safeBody(message)}</div></article>`;
}

/**
 * A readable HTML page of one channel thread. Microsoft Graph cannot post channel messages back as their authors,
 * so Teams messages are restored as an export: this page and the thread's JSON.
 */
export function channelThreadHtml(json: Buffer, channelName: string): string {
  const thread = JSON.parse(json.toString('utf8')) as StoredThread;
  return [
    '<!doctype html><html lang="it"><head><meta charset="utf-8">',
    `<title>${escapeHtml(channelName)}</title>`,
    '<style>body{font-family:sans-serif;max-width:48rem;margin:auto}.reply{margin-left:2rem;border-left:3px solid #ccc;padding-left:1rem}</style>',
    '</head><body>',
    `<h1>${escapeHtml(channelName)}</h1>`,
    '<p>Esportazione di Teams: i messaggi dei canali non possono essere ripubblicati a nome degli autori. / Teams export: channel messages cannot be re-posted as their authors.</p>',
    post(thread.message, false),
    ...thread.replies.map((reply) => post(reply, true)),
    '</body></html>',
  ].join('\n');
}
