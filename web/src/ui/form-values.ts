/**
 * An optional text field: blank means "not given". Text is otherwise sent exactly as typed, because
 * the server stores what the person wrote without trimming.
 */
export function optionalText(value: string): string | undefined {
  return value.trim() ? value : undefined;
}

/** The same for PATCH, where clearing a field must send `null`. */
export function nullableText(value: string): string | null {
  return value.trim() ? value : null;
}
