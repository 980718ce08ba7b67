// Lists inside one section: capped by count for reading, and by characters for Slack's 3,000-character
// section limit, with a "+N more" line for what is left out.

// Leave room for the "+N more" line.
const sectionBudget = 2_800;

const more = (count: number) => `+${count} more`;

export function moreLine(hidden: number): string[] {
  return hidden > 0 ? [more(hidden)] : [];
}

/**
 * Keeps whole lines while they fit the section budget; when some do not, says how many of `total`
 * items are left out. Lines are already capped by count, so this only bites on extreme text.
 */
export function fitLines(lines: string[], total: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > sectionBudget) break;
    kept.push(line);
    length += line.length + 1;
  }
  if (kept.length === lines.length) return kept.join("\n");
  const hidden = total - kept.filter((line) => line.startsWith("•")).length;
  return [...kept, more(hidden)].join("\n");
}
