// Slack's documented Block Kit limits, checked on a finished payload. Slack rejects a payload past a limit
// (invalid_blocks) or silently truncates it, so every builder's output goes through this in tests.
// Limits come from Slack's Block Kit reference (docs.slack.dev/reference/block-kit); two rules are ours and
// stricter than Slack's: action ids unique across the whole payload (Bolt routes clicks by action_id, so
// one id means one thing), and a message's top-level `text` required whenever it has blocks (it is the
// notification and screen-reader text).
import type { Block } from "./blocks.ts";
import { blockKitLimits, elementPlacement } from "./limits-table.ts";

export { blockKitLimits };

export type Surface = "message" | "modal" | "home";

type Json = Record<string, unknown>;
type CheckedBlockType = Block["type"] | "image";
const L = blockKitLimits;

/** Returns one human-readable line per violation; empty when the payload is within Slack's limits. */
export function checkBlockKitLimits(payload: unknown, surface: Surface): string[] {
  const check = new Checker();
  if (surface === "message") check.message(payload);
  else
    check.view(
      isJson(payload) && isJson(payload.view) && payload.type === undefined ? payload.view : payload,
      surface,
    );
  check.duplicates();
  return check.problems;
}

class Checker {
  readonly problems: string[] = [];
  private readonly blockIds = new Map<string, number>();
  private readonly actionIds = new Map<string, number>();

  message(payload: unknown): void {
    if (Array.isArray(payload)) {
      this.blocks(payload, L.blocksPerMessage, "message");
      return;
    }
    if (!this.object(payload, "payload", "not an object")) return;
    if (payload.text !== undefined) this.string(payload.text, "text", L.messageText);
    if (payload.blocks === undefined) return;
    if (typeof payload.text !== "string" || payload.text.trim() === "") {
      this.fail(
        "text",
        "is missing: a message with blocks needs top-level text for notifications and screen readers",
      );
    }
    this.blocks(payload.blocks, L.blocksPerMessage, "message");
  }

  view(view: unknown, surface: "modal" | "home"): void {
    if (!this.object(view, "view", "not an object")) return;
    if (view.type !== surface)
      this.fail("view.type", `is ${JSON.stringify(view.type)}, expected "${surface}"`);
    if (surface === "modal") {
      this.text(view.title, "title", L.modalTitle, { plainOnly: true });
      for (const key of ["submit", "close"] as const) {
        if (view[key] !== undefined) this.text(view[key], key, L.modalButton, { plainOnly: true });
      }
      const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isJson(b) && b.type === "input");
      if (hasInput && view.submit === undefined)
        this.fail("submit", "is required when the modal has input blocks");
    }
    if (view.private_metadata !== undefined)
      this.string(view.private_metadata, "private_metadata", L.privateMetadata);
    if (view.callback_id !== undefined) this.string(view.callback_id, "callback_id", L.callbackId);
    this.blocks(view.blocks, L.blocksPerView, surface);
  }

  duplicates(): void {
    for (const [id, count] of this.blockIds)
      if (count > 1) this.fail(`block_id "${id}"`, `is used ${count} times`);
    for (const [id, count] of this.actionIds)
      if (count > 1) this.fail(`action_id "${id}"`, `is used ${count} times`);
  }

  private blocks(blocks: unknown, max: number, surface: Surface): void {
    if (!Array.isArray(blocks)) {
      this.fail("blocks", "is not an array");
      return;
    }
    if (blocks.length > max) this.fail("blocks", `has ${blocks.length} blocks, a ${surface} allows ${max}`);
    for (const [i, block] of blocks.entries()) {
      const path = `blocks[${i}]${isJson(block) && typeof block.type === "string" ? ` (${block.type})` : ""}`;
      if (!this.object(block, path, "not an object")) continue;
      if (block.block_id !== undefined) {
        this.string(block.block_id, `${path}.block_id`, L.blockId, { min: 1 });
        if (typeof block.block_id === "string") count(this.blockIds, block.block_id);
      }
      const type = block.type;
      if (typeof type === "string" && Object.hasOwn(this.blockCheckers, type)) {
        this.blockCheckers[type as CheckedBlockType](block, path);
      } else {
        this.fail(path, `has unknown block type ${JSON.stringify(type)}`);
      }
    }
  }

  // Every block type the app builds (blocks.ts), plus image; anything else is rejected as unknown.
  private readonly blockCheckers: Record<CheckedBlockType, (block: Json, path: string) => void> = {
    section: (block, path) => {
      if (block.text === undefined && block.fields === undefined) this.fail(path, "needs text or fields");
      if (block.text !== undefined) this.text(block.text, `${path}.text`, L.sectionText);
      if (block.fields !== undefined) {
        for (const [i, field] of this.list(block.fields, `${path}.fields`, 1, L.sectionFields)) {
          this.text(field, `${path}.fields[${i}]`, L.sectionFieldText);
        }
      }
      if (block.accessory !== undefined) this.element(block.accessory, `${path}.accessory`, "section");
    },
    header: (block, path) => this.text(block.text, `${path}.text`, L.headerText, { plainOnly: true }),
    divider: () => {},
    context: (block, path) => {
      for (const [i, element] of this.list(block.elements, `${path}.elements`, 1, L.contextElements)) {
        const at = `${path}.elements[${i}]`;
        if (isJson(element) && element.type === "image") this.image(element, at);
        else this.text(element, at, L.textObject);
      }
    },
    actions: (block, path) => {
      for (const [i, element] of this.list(block.elements, `${path}.elements`, 1, L.actionsElements)) {
        this.element(element, `${path}.elements[${i}]`, "actions");
      }
    },
    input: (block, path) => {
      this.text(block.label, `${path}.label`, L.inputLabel, { plainOnly: true });
      if (block.hint !== undefined) this.text(block.hint, `${path}.hint`, L.inputHint, { plainOnly: true });
      this.element(block.element, `${path}.element`, "input");
    },
    image: (block, path) => {
      this.image(block, path);
      if (block.title !== undefined)
        this.text(block.title, `${path}.title`, L.imageAltText, { plainOnly: true });
    },
  };

  private element(element: unknown, path: string, parent: "section" | "actions" | "input"): void {
    if (!this.object(element, path, "not an element object")) return;
    const type = String(element.type);
    const at = `${path} (${type})`;
    const placement = Object.hasOwn(elementPlacement, type) ? elementPlacement[type] : undefined;
    if (!placement?.includes(parent)) {
      this.fail(at, placement ? `cannot be used in a ${parent} block` : "is an unknown element type");
      return;
    }
    if (element.action_id !== undefined) {
      this.string(element.action_id, `${at}.action_id`, L.actionId, { min: 1 });
      if (typeof element.action_id === "string") count(this.actionIds, element.action_id);
    }
    if (element.placeholder !== undefined)
      this.text(element.placeholder, `${at}.placeholder`, L.placeholder, { plainOnly: true });
    if (element.confirm !== undefined) this.confirm(element.confirm, `${at}.confirm`);
    if (type === "button") {
      this.text(element.text, `${at}.text`, L.buttonText, { plainOnly: true });
      if (element.value !== undefined) this.string(element.value, `${at}.value`, L.buttonValue);
      if (element.url !== undefined) this.string(element.url, `${at}.url`, L.buttonUrl);
      if (element.accessibility_label !== undefined)
        this.string(element.accessibility_label, `${at}.accessibility_label`, L.accessibilityLabel);
      if (element.style !== undefined && element.style !== "primary" && element.style !== "danger") {
        this.fail(`${at}.style`, `is ${JSON.stringify(element.style)}, expected "primary" or "danger"`);
      }
    } else if (type === "static_select" || type === "multi_static_select") {
      this.options(element.options, at, 1, L.staticSelectOptions);
      if (element.initial_option !== undefined) this.initialOption(element, at);
    } else if (type === "overflow") {
      this.options(element.options, at, L.overflowOptionsMin, L.overflowOptionsMax, { urls: true });
    } else if (type === "checkboxes" || type === "radio_buttons") {
      this.options(element.options, at, 1, L.checkboxOptions, { mrkdwn: true });
    } else if (type === "plain_text_input") {
      for (const key of ["min_length", "max_length"] as const) {
        const value = element[key];
        const min = key === "max_length" ? 1 : 0;
        if (
          value !== undefined &&
          (typeof value !== "number" || value < min || value > L.plainTextInputLength)
        ) {
          this.fail(`${at}.${key}`, `is ${JSON.stringify(value)}, must be ${min}..${L.plainTextInputLength}`);
        }
      }
    } else if (type === "image") {
      this.image(element, at);
    }
  }

  private options(
    options: unknown,
    path: string,
    min: number,
    max: number,
    allow: { urls?: boolean; mrkdwn?: boolean } = {},
  ): void {
    for (const [i, option] of this.list(options, `${path}.options`, min, max)) {
      const at = `${path}.options[${i}]`;
      if (!this.object(option, at, "not an option object")) continue;
      this.text(option.text, `${at}.text`, L.optionText, { plainOnly: !allow.mrkdwn });
      this.string(option.value, `${at}.value`, L.optionValue, { min: 1 });
      if (option.description !== undefined)
        this.text(option.description, `${at}.description`, L.optionDescription, { plainOnly: true });
      if (option.url !== undefined) {
        if (allow.urls) this.string(option.url, `${at}.url`, L.optionUrl);
        else this.fail(`${at}.url`, "is only allowed in overflow menus");
      }
    }
  }

  private initialOption(element: Json, path: string): void {
    const initial = element.initial_option;
    const options = Array.isArray(element.options) ? element.options : [];
    const same = (option: unknown) => JSON.stringify(option) === JSON.stringify(initial);
    if (!options.some(same)) this.fail(`${path}.initial_option`, "must exactly match one of the options");
  }

  private confirm(confirm: unknown, path: string): void {
    if (!this.object(confirm, path, "not a confirm object")) return;
    this.text(confirm.title, `${path}.title`, L.confirmTitle, { plainOnly: true });
    this.text(confirm.text, `${path}.text`, L.confirmText);
    this.text(confirm.confirm, `${path}.confirm`, L.confirmButton, { plainOnly: true });
    this.text(confirm.deny, `${path}.deny`, L.confirmButton, { plainOnly: true });
  }

  private image(image: Json, path: string): void {
    if (image.slack_file === undefined)
      this.string(image.image_url, `${path}.image_url`, L.imageUrl, { min: 1 });
    this.string(image.alt_text, `${path}.alt_text`, L.imageAltText, { min: 1 });
  }

  private text(value: unknown, path: string, max: number, rules: { plainOnly?: boolean } = {}): void {
    if (!this.object(value, path, "missing or not a text object")) return;
    if (value.type === "plain_text" || (!rules.plainOnly && value.type === "mrkdwn")) {
      this.string(value.text, `${path}.text`, max, { min: 1 });
    } else {
      const expected = rules.plainOnly ? '"plain_text"' : '"plain_text" or "mrkdwn"';
      this.fail(`${path}.type`, `is ${JSON.stringify(value.type)}, expected ${expected}`);
    }
  }

  private string(value: unknown, path: string, max: number, rules: { min?: number } = {}): void {
    if (typeof value !== "string") {
      this.fail(path, `is ${value === undefined ? "missing" : "not a string"}`);
      return;
    }
    if (value.length < (rules.min ?? 0)) this.fail(path, "is empty");
    if (value.length > max) this.fail(path, `is ${value.length} characters, max ${max}`);
  }

  /** The items with their indexes; none (and a violation) when it is not an array. */
  private list(value: unknown, path: string, min: number, max: number): [number, unknown][] {
    if (!Array.isArray(value)) {
      this.fail(path, "is not an array");
      return [];
    }
    if (value.length < min) this.fail(path, `has ${value.length} items, min ${min}`);
    if (value.length > max) this.fail(path, `has ${value.length} items, max ${max}`);
    return [...value.entries()];
  }

  private object(value: unknown, path: string, problem: string): value is Json {
    if (isJson(value)) return true;
    this.fail(path, `is ${problem}`);
    return false;
  }

  private fail(path: string, problem: string): void {
    this.problems.push(`${path} ${problem}`);
  }
}

function count(seen: Map<string, number>, id: string): void {
  seen.set(id, (seen.get(id) ?? 0) + 1);
}

function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
