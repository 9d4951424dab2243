/** Characters the editions' fonts cannot draw, named for messages. */
/** `U+0394 “Δ”`: a character as messages name it. */
export function describeCharacter(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} “${ch}”`;
}

