export default async function globalTeardown() {
  await globalThis.__custodiaDevDb?.stop();
}
