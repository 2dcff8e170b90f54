/**
 * A conformance test's title is `endpoint ¦ what it shows ¦ documentation page[ ¦ no example on the page]`: written by
 * the tests' `documented()` and split again by the conformance report, so the separator lives here once.
 */
export const TITLE_SEPARATOR = ' ¦ ';
export const NO_PAGE_EXAMPLE = 'no example on the page';
