/** JSON in tests: files the tests read back, or change into invalid shapes on purpose. */

/**
 * A parsed file as a test reads and changes it. Its shape is what the test checks, field by
 * field, so it is not typed up front.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON under test, checked field by field
export type JsonFile = any;
