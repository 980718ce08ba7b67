// A title and bullet lines in one section's text, cut with "+N more" where Slack's 3,000 characters end.

const sectionChars = 3000;
/** Room kept for the "+N more" line. */
const moreRoom = 20;

export function bulletList(title: string, lines: readonly string[]): string {
  let text = title;
  for (let i = 0; i < lines.length; i++) {
    const next = `${text}\n• ${lines[i]}`;
    if (next.length > sectionChars - moreRoom) return `${text}\n+${lines.length - i} more`;
    text = next;
  }
  return text;
}
