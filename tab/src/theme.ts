import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { TeamsTheme } from './auth/teams-host.js';

export const fluentThemes: Record<TeamsTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** In a plain browser: `?theme=dark|contrast` when asked for (to try each Teams theme), else the system's choice. */
export function browserTheme(): TeamsTheme {
  const asked = new URLSearchParams(window.location.search).get('theme');
  if (asked === 'dark' || asked === 'contrast' || asked === 'default') return asked;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}
