import type { Language } from '../language/language.js';
import type { PortalRole } from '../access/principal.js';
import { welcomeTexts } from './welcome-texts.js';

export interface WelcomeLetterInput {
  readonly name: string;
  readonly role: PortalRole;
  readonly tenantName: string;
  readonly providerName: string;
  readonly portalUrl: string;
  readonly language: Language;
}

/** The welcome letter: how to open the portal, sign in with Microsoft, and what to do first. */
export function composeWelcomeLetter(input: WelcomeLetterInput): { subject: string; text: string; html: string } {
  const t = welcomeTexts.in(input.language);
  const role = welcomeTexts.text(`role_${input.role}`, {}, input.language);
  const lines = [
    t.greeting({ name: input.name }),
    t.access({ providerName: input.providerName, tenantName: input.tenantName, role }),
    t.signIn({ portalUrl: input.portalUrl }),
    t.workAccount({ tenantName: input.tenantName }),
    t.terms,
    ...(input.role === 'tenant_admin' ? [t.adminFirstSteps] : []),
    t.keep,
  ];
  const subject = t.subject({ providerName: input.providerName });
  return {
    subject,
    text: lines.join('\n\n'),
    html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n'),
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
