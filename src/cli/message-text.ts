// A Slack message as plain lines for a terminal: what a dry run shows instead of Block Kit.
import type { SlackMessage } from "../services/ports.ts";
import { printable } from "./printable.ts";

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
  // Each piece of text is made printable and keeps its own lines, so names inside cannot add lines.
  const lines = (text: string) => text.split("\n").map(printable);
  if (blocks.length === 0) return lines(message.text).join("\n");
  return blocks
    .flatMap((block) => {
      if (block.type === "header" || block.type === "section")
        return block.text?.text ? lines(block.text.text) : [];
      if (block.type === "context")
        return (block.elements ?? []).flatMap((e) => (e.text ? lines(e.text) : []));
      if (block.type === "actions") return [];
      return [];
    })
    .join("\n");
}
