/**
 * Secrets never reach a log line, whatever the level and whoever wrote the record: the logger passes every
 * serialized line through `redactSecrets`, so a secret inside a message, an error's text or stack, a URL or a nested
 * field is replaced by `[redacted]` while the rest of the line (ids, routes, hosts, statuses) stays readable.
 */
const redacted = '[redacted]';

/** A JSON member whose name says its value is a secret (`"authorization":"Bearer …"`, `"clientSecret":…`). */
const secretMember = /"([^"\\]*)":("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g;
const secretName =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-functions-key)$|(password|passwd|secret|token|assertion|apikey|api_key|accountkey|masterkey|connectionstring|sasurl|sastoken)$/i;

/** Secret shapes inside any text: what each one keeps, and what it hides. */
const secretShapes: readonly [RegExp, string][] = [
  // Bearer and Basic credentials in headers or error texts.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${redacted}`],
  // JSON Web Tokens wherever they appear (header.payload.signature, both parts base64url JSON).
  [/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, redacted],
  // Names that are secrets in any query string, form body or connection string.
  [
    /\b(access_token|id_token|refresh_token|client_secret|client_assertion|password|tempauth|AccountKey|SharedAccessKey|SharedAccessSignature)=[^&\s"\\;#]+/gi,
    `$1=${redacted}`,
  ],
  // Names that are secrets as query parameters (an OAuth code, a SAS signature, a download token, an API key).
  [/([?&])(code|token|sig|key|api-key|apikey|assertion)=[^&\s"\\#]+/gi, `$1$2=${redacted}`],
  // The password of a URL's user information (mongodb://user:password@host).
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@"\\]+):[^@\s/"\\]+@/gi, `$1:${redacted}@`],
  // A background export's download link: /downloads/<tenant>/<token> works without signing in until it expires.
  [/(\/downloads\/[^/\s"\\?#]+\/)[A-Za-z0-9_-]+/g, `$1${redacted}`],
];

/** The text with every known secret shape replaced; a JSON line stays valid JSON. */
export function redactSecrets(text: string): string {
  let result = text.replace(secretMember, (member: string, name: string) =>
    secretName.test(name) ? `"${name}":"${redacted}"` : member,
  );
  for (const [shape, replacement] of secretShapes) result = result.replace(shape, replacement);
  return result;
}
