import { useMemo, useRef } from 'react';
import { createApiClient, type ApiClient } from '../api/client.js';
import { useLanguage } from '../i18n/language.js';

/** An API client for the token, asking for messages in the language shown now (switching does not rebuild it). */
export function useApiClient(token: string): ApiClient {
  const { language } = useLanguage();
  const languageRef = useRef(language);
  languageRef.current = language;
  return useMemo(() => createApiClient(token, () => languageRef.current), [token]);
}
