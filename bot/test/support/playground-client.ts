import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { checkCard } from './card-check.js';

export interface StreamEvent {
  action: string;
  message?: { messageId: string; attachments?: { content: object }[]; text?: string };
}

export type Button = { title: string; verb?: string; data?: Record<string, string> };

export interface PlaygroundOptions {
  /** The bot's `/api/messages`. */
  botUrl: string;
  /**
   * Where the Playground runs: it reads `.m365agentsplayground.yml` (tenant, user, chats) from there, and its
   * defaults (tenant `00000000-0000-0000-0000-0000000000001`, Alex Wilber) where there is none.
   */
  cwd: string;
  /** The chat the commands go to: the personal chat's id (the config file's, or one given with `--conversation-id`). */
  conversationId: string;
  /** Given only to the Playground's command line, for a folder without a config file. */
  conversationIdOption?: boolean;
  /** The user who types and presses (the config file's `currentUser.id`, or the default `user-id-0`). */
  userId: string;
}

export interface Playground {
  /** Everything the chat showed, as the Playground's web client receives it. */
  readonly seen: StreamEvent[];
  post(path: string, body: object): Promise<Response>;
  /** Installs the bot in the personal chat, as the web client's button does. */
  install(): Promise<void>;
  /** Types a message in the personal chat. */
  say(text: string): Promise<void>;
  /** Waits until the chat shows a bot message whose content matches, after the `after`-th event. */
  shown(pattern: RegExp, after?: number): Promise<{ event: StreamEvent; index: number }>;
  /** Presses a card's button the way the web client does; answers with the text of the card that replaces it. */
  press(button: Button, messageId: string): Promise<string>;
  stop(): Promise<void>;
}

/** The card of a bot message, checked by the Adaptive Cards library. */
export function cardIn(event: StreamEvent): { actions?: Button[] } {
  const card = event.message?.attachments?.[0]?.content;
  if (!card) throw new Error(`not a card: ${JSON.stringify(event)}`);
  expect(checkCard(card).errors).toEqual([]);
  return card;
}

/**
 * Microsoft 365 Agents Playground as a child process on a free port (`TEAMSAPPTESTER_BROWSER=none`), driven through
 * the endpoints of its web client; what the chat shows is read from its WebSocket.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const conversation = options.conversationIdOption ? ['--conversation-id', options.conversationId] : [];
  const child = spawn(
    process.execPath,
    [cli, 'start', '-e', options.botUrl, '-c', 'msteams', '-p', '0', ...conversation],
    {
      cwd: options.cwd,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the Playground exited (${code}): ${output}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const seen: StreamEvent[] = [];
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  socket.onmessage = (message) => seen.push(JSON.parse(String(message.data)) as StreamEvent);
  await new Promise((resolve) => (socket.onopen = resolve));

  const post = (path: string, body: object): Promise<Response> =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return {
    seen,
    post,
    async install() {
      expect((await post(`/_debug/conversation/${options.conversationId}/installation`, {})).status).toBe(200);
    },
    async say(text) {
      const sent = await post(`/_conversation/v1/conversations/${options.conversationId}/messages`, {
        from: { id: options.userId },
        text,
        textFormat: 'plain',
      });
      expect(sent.status).toBe(200);
    },
    async shown(pattern, after = 0) {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        for (let index = after; index < seen.length; index++) {
          const event = seen[index]!;
          if (pattern.test(JSON.stringify(event.message ?? {}))) return { event, index };
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the Playground never showed ${pattern}: ${JSON.stringify(seen).slice(-2000)}`);
    },
    async press(button, messageId) {
      const response = await post('/_conversation/v1/invoke', {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data }, trigger: 'manual' },
        from: { id: options.userId },
        conversation: { id: options.conversationId },
        replyToId: messageId,
      });
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { type: string; value: object };
      expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
      return checkCard(answer.value).text;
    },
    async stop() {
      socket.close();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
