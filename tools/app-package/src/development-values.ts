/** Who gives a real package the value a development build stands in for. */
export type RealValueSource = 'provision' | 'tunnel';

export interface DevelopmentValue {
  readonly value: string;
  readonly filledBy: RealValueSource;
}

/**
 * The environment whose package may be built before provision: `local`, the product on this machine (`npm start`).
 * Its values not configured yet are the ones `npm start` runs with, so the package builds and validates offline.
 */
export const developmentEnvironment = 'local';

/**
 * Stand-ins for what `atk provision --env local` writes and for the tunnel's address. The Teams app id is the
 * product's own default `TEAMS_APP_ID`, the Entra client id the demo tenant's app (the SSO audience `npm start`
 * accepts), the endpoint the address `npm start` serves on. A package built with them validates but cannot be
 * installed in Teams, which needs the provisioned ids and an HTTPS address it can reach.
 */
export const developmentValues: Readonly<Record<string, DevelopmentValue>> = {
  TEAMS_APP_ID: { value: '5b1e0d7c-6c2f-4a53-9d1e-3c7a2f9b8e41', filledBy: 'provision' },
  AAD_APP_CLIENT_ID: { value: '8c3e1f52-4a7b-4d19-b6e2-0f9a3c5d7e81', filledBy: 'provision' },
  BOT_ID: { value: '00000000-0000-4000-8000-000000000b07', filledBy: 'provision' },
  TAB_ENDPOINT: { value: 'http://127.0.0.1:3978', filledBy: 'tunnel' },
  TAB_DOMAIN: { value: '127.0.0.1:3978', filledBy: 'tunnel' },
};

/** Where each source's real value is set, in both languages. */
export const realValueSources: Readonly<Record<RealValueSource, string>> = {
  provision:
    `written to env/.env.${developmentEnvironment} by \`atk provision --env ${developmentEnvironment}\` / ` +
    `scritto in env/.env.${developmentEnvironment} da \`atk provision --env ${developmentEnvironment}\``,
  tunnel:
    `from the tunnel's HTTPS address, set in env/.env.${developmentEnvironment} / ` +
    `dall'indirizzo HTTPS del tunnel, da impostare in env/.env.${developmentEnvironment}`,
};
