// A Slack message as plain lines for a terminal: what a dry run shows instead of Block Kit.
import type { SlackMessage } from "../services/ports.ts";

interface TextLike {
  text?: string;
}
interface BlockLike {
  type?: string;
  text?: TextLike;
  elements?: TextLike[];
}

export function messageAsText(message: SlackMessage): string {
  const blocks = (message.blocks ?? []) as BlockLike[];
  if (blocks.length === 0) return message.text;
  return blocks
    .flatMap((block) => {
      if (block.type === "header" || block.type === "section")
        return block.text?.text ? [block.text.text] : [];
      if (block.type === "context") return (block.elements ?? []).flatMap((e) => (e.text ? [e.text] : []));
      if (block.type === "actions") return [];
      return [];
    })
    .join("\n");
}
