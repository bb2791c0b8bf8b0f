/**
 * Ends every `switch` over a discriminated union: adding a case to the union without
 * handling it becomes a type error here, and a value that slips past the types at run
 * time throws instead of falling through silently.
 */
export function assertUnreachable(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
