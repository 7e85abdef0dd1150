/** GUIDs arrive in any case, with or without braces; Passage keeps them lower-case without braces. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The canonical form of a GUID attribute, or '' when it is missing or not a GUID. */
export function canonicalGuid(value: string | undefined): string {
  const trimmed = (value ?? '')
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .toLowerCase();
  return GUID.test(trimmed) ? trimmed : '';
}

/** The key a reference matches by: braces removed, lower-case, even when it is not a proper GUID. */
export function guidKey(value: string | undefined): string {
  return (value ?? '')
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .toLowerCase();
}
