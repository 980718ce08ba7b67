// What follows /portfolio: nothing (the caller's own view), a person (a mention, which Slack sends as
// <@U123|name> since the command escapes its text), and "chart" for the picture.

export type PortfolioAsk = { ok: true; who?: string; chart: boolean } | { ok: false; message: string };

const mention = /^<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>$/;
const userId = /^[UW][A-Z0-9]{2,20}$/;
const usage = "Try `/portfolio`, `/portfolio @someone` or `/portfolio chart`.";

export function parsePortfolioText(text: string): PortfolioAsk {
  let who: string | undefined;
  let chart = false;
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const person = mention.exec(word)?.[1] ?? (userId.test(word) ? word : undefined);
    if (word.toLowerCase() === "chart") chart = true;
    else if (person && !who) who = person;
    else if (word.startsWith("@"))
      return {
        ok: false,
        message: `Pick ${word} from Slack's list as you type, so the mention is a person. ${usage}`,
      };
    else return { ok: false, message: `I don't know "${word.slice(0, 40)}" here. ${usage}` };
  }
  return { ok: true, chart, ...(who ? { who } : {}) };
}
