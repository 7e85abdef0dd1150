/**
 * Unicode's invisible direction controls: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the marks LRM, RLM and ALM. In a name they let what is shown differ from what is
 * stored ("Trust" that sorts, searches and exports as something else; a title whose end reads backwards,
 * the "Trojan Source" trick), and a name never needs them: the surrounding text's direction is the UI's job.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** The name with every bidirectional control character removed; other text is left exactly as it was. */
export function stripBidiControls(name: string): string {
  return name.replace(BIDI_CONTROLS, '');
}
