/**
 * Writes per command in a bulk write: FerretDB 1.24 over PostgreSQL (the embedded default) holds a pooled connection
 * per update statement of one command and hangs past about fifty (reproduced: 45 fine, 60 hang).
 */
export const writesPerCommand = 25;
