// The subset of Block Kit the app builds, typed without @slack/* so views stay pure functions.
// Small constructors keep builders short; limits.ts checks the result.

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: "mrkdwn";
  text: string;
}
export type TextObject = PlainText | Mrkdwn;

export interface ButtonElement {
  type: "button";
  action_id: string;
  text: PlainText;
  value?: string;
  style?: "primary" | "danger";
  url?: string;
  confirm?: {
    title: PlainText;
    text: TextObject;
    confirm: PlainText;
    deny: PlainText;
  };
}

export interface Option {
  text: PlainText;
  value: string;
  description?: PlainText;
}

export interface StaticSelectElement {
  type: "static_select";
  action_id: string;
  placeholder?: PlainText;
  options: Option[];
  initial_option?: Option;
}

export interface OverflowElement {
  type: "overflow";
  action_id: string;
  options: Option[];
}

export interface PlainTextInputElement {
  type: "plain_text_input";
  action_id: string;
  multiline?: boolean;
  max_length?: number;
  initial_value?: string;
  placeholder?: PlainText;
}

export interface CheckboxesElement {
  type: "checkboxes";
  action_id: string;
  options: Option[];
  initial_options?: Option[];
}

export interface DatePickerElement {
  type: "datepicker";
  action_id: string;
  initial_date?: string;
}

export interface TimePickerElement {
  type: "timepicker";
  action_id: string;
  /** "HH:mm" */
  initial_time?: string;
}

export interface ConversationsSelectElement {
  type: "conversations_select";
  action_id: string;
  placeholder?: PlainText;
  initial_conversation?: string;
  filter?: { include?: ("public" | "private" | "im" | "mpim")[]; exclude_bot_users?: boolean };
}

export interface UsersSelectElement {
  type: "users_select";
  action_id: string;
  placeholder?: PlainText;
  initial_user?: string;
}

export type ActionElement = ButtonElement | StaticSelectElement | OverflowElement | UsersSelectElement;
export type InputElement =
  | PlainTextInputElement
  | StaticSelectElement
  | CheckboxesElement
  | DatePickerElement
  | TimePickerElement
  | ConversationsSelectElement
  | UsersSelectElement;

export interface SectionBlock {
  type: "section";
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
  accessory?: ActionElement;
}
export interface HeaderBlock {
  type: "header";
  block_id?: string;
  text: PlainText;
}
export interface DividerBlock {
  type: "divider";
  block_id?: string;
}
export interface ContextBlock {
  type: "context";
  block_id?: string;
  elements: TextObject[];
}
export interface ActionsBlock {
  type: "actions";
  block_id?: string;
  elements: ActionElement[];
}
export interface InputBlock {
  type: "input";
  block_id: string;
  label: PlainText;
  element: InputElement;
  optional?: boolean;
  hint?: PlainText;
}

export type Block = SectionBlock | HeaderBlock | DividerBlock | ContextBlock | ActionsBlock | InputBlock;

/** A chat message: `text` is the notification/fallback text, `blocks` the layout. */
export interface MessagePayload {
  text: string;
  blocks: Block[];
}

export interface ModalView {
  type: "modal";
  callback_id: string;
  title: PlainText;
  submit?: PlainText;
  close?: PlainText;
  private_metadata?: string;
  blocks: Block[];
}

export interface HomeView {
  type: "home";
  blocks: Block[];
}

export const plain = (text: string): PlainText => ({ type: "plain_text", text, emoji: true });
export const mrkdwn = (text: string): Mrkdwn => ({ type: "mrkdwn", text });
export const header = (text: string): HeaderBlock => ({ type: "header", text: plain(text) });
export const section = (text: string): SectionBlock => ({ type: "section", text: mrkdwn(text) });
export const context = (...texts: string[]): ContextBlock => ({
  type: "context",
  elements: texts.map(mrkdwn),
});
export const divider = (): DividerBlock => ({ type: "divider" });
/** A modal's input whose block_id and action_id are both `id`. */
export const inputBlock = (id: string, label: string, element: object, extra: object = {}): Block =>
  ({
    type: "input",
    block_id: id,
    label: plain(label),
    element: { action_id: id, ...element },
    ...extra,
  }) as Block;
export const button = (
  text: string,
  action_id: string,
  value?: string,
  style?: ButtonElement["style"],
): ButtonElement => ({
  type: "button",
  text: plain(text),
  action_id,
  ...(value === undefined ? {} : { value }),
  ...(style ? { style } : {}),
});

/** A modal that only says something, e.g. in place of a form that can no longer be submitted. */
export function noticeModal(title: string, text: string): ModalView {
  return {
    type: "modal",
    callback_id: "notice",
    title: plain(title),
    close: plain("OK"),
    blocks: [section(text)],
  };
}

/** Escapes user-provided text for mrkdwn so it cannot ping, link or format. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Cuts text to at most max characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
