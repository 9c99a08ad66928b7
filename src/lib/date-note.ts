/**
 * The date note as readers see it. Editors write `dateNote` for each other (“…推断刊于2022年，待核实。”); the
 * file keeps their wording, and readers get the same explanation without the editors' to-do (“待核实”).
 */
const editorsOnly = /[，,；;、]?\s*[（(]?(?:尚)?待(?:进一步)?核实[）)]?(?=[。.！!]?$)/;

export function readerDateNote(note: string | undefined): string | undefined {
  const text = (note ?? '').trim().replace(editorsOnly, '').trim();
  if (!text || /^[。.]$/.test(text)) return undefined;
  return /[。！？.!?]$/.test(text) ? text : `${text}。`;
}
