// File uploads as the fake Slack takes them, in the three steps @slack/web-api's filesUploadV2 makes:
// files.getUploadURLExternal hands out an upload URL (on the fake server itself) and a file id, the bytes
// are POSTed there, and files.completeUploadExternal shares the files in a conversation. Each file is
// recorded with its bytes, name, title and conversation, for tests to assert what arrived where.

type Args = Record<string, unknown>;
type Reply = Record<string, unknown>;

export interface FakeFile {
  id: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  altText: string | null;
  /** What was POSTed to the upload URL; null until then. */
  bytes: Buffer | null;
  /** Set by files.completeUploadExternal. */
  title: string | null;
  channelId: string | null;
  initialComment: string | null;
}

/** files.completeUploadExternal's channel_id: a conversation id, never a user id (Slack's own pattern). */
const conversationId = /^[CGDZ][A-Z0-9]{8,}$/;

export class FakeFiles {
  private readonly files = new Map<string, FakeFile>();
  private counter = 0;

  constructor(private readonly uploadUrlBase: string) {}

  /** The files shared in a conversation, in the order they were completed. */
  shared(): FakeFile[] {
    return [...this.files.values()].filter((file) => file.channelId !== null);
  }

  clear(): void {
    this.files.clear();
  }

  getUploadURLExternal(args: Args): Reply {
    const filename = typeof args.filename === "string" ? args.filename : "";
    const length = Number(args.length);
    if (!filename) return { ok: false, error: "invalid_arguments" };
    // Slack answers missing_argument "typically when the length provided is 0".
    if (!Number.isInteger(length) || length <= 0) return { ok: false, error: "missing_argument" };
    this.counter += 1;
    const id = `F${String(this.counter).padStart(9, "0")}`;
    const altText = args.alt_text ?? args.alt_txt;
    this.files.set(id, {
      id,
      filename,
      length,
      altText: typeof altText === "string" ? altText : null,
      bytes: null,
      title: null,
      channelId: null,
      initialComment: null,
    });
    return { ok: true, upload_url: `${this.uploadUrlBase}${id}`, file_id: id };
  }

  /**
   * The POST to an upload URL: raw bytes or a multipart form (as @slack/web-api sends it), whose first
   * file part is the file. Answers as Slack's upload service does: 200 and "OK - <bytes>".
   */
  async receive(
    fileId: string,
    body: Buffer,
    contentType: string | undefined,
  ): Promise<{ status: number; text: string }> {
    const file = this.files.get(fileId);
    if (!file) return { status: 404, text: "file not found" };
    let bytes = body;
    if (contentType?.startsWith("multipart/form-data")) {
      const form = await new Response(new Uint8Array(body), {
        headers: { "content-type": contentType },
      }).formData();
      const part = [...form.values()].find((value) => typeof value !== "string");
      if (!part || typeof part === "string") return { status: 400, text: "no file in the form" };
      bytes = Buffer.from(await part.arrayBuffer());
    }
    file.bytes = bytes;
    return { status: 200, text: `OK - ${bytes.length}` };
  }

  completeUploadExternal(args: Args): Reply {
    const listed = Array.isArray(args.files) ? (args.files as { id?: unknown; title?: unknown }[]) : null;
    if (!listed?.length) return { ok: false, error: "invalid_arguments" };
    const channelId = typeof args.channel_id === "string" ? args.channel_id : null;
    if (channelId !== null && !conversationId.test(channelId))
      return { ok: false, error: "invalid_arguments" };
    const files = listed.map((entry) => this.files.get(String(entry.id)));
    if (files.some((file) => !file?.bytes)) return { ok: false, error: "file_not_found" };
    for (const [i, file] of (files as FakeFile[]).entries()) {
      const title = listed[i]?.title;
      file.title = typeof title === "string" ? title : file.filename;
      file.channelId = channelId;
      file.initialComment = typeof args.initial_comment === "string" ? args.initial_comment : null;
    }
    return { ok: true, files: (files as FakeFile[]).map(fileObject) };
  }
}

function fileObject(file: FakeFile): Reply {
  const extension = file.filename.includes(".") ? (file.filename.split(".").pop() ?? "") : "";
  return {
    id: file.id,
    name: file.filename,
    title: file.title,
    filetype: extension,
    mimetype: extension === "png" ? "image/png" : "application/octet-stream",
    size: file.bytes?.length ?? 0,
    channels: file.channelId?.startsWith("C") ? [file.channelId] : [],
    groups: file.channelId?.startsWith("G") ? [file.channelId] : [],
    ims: file.channelId?.startsWith("D") ? [file.channelId] : [],
  };
}
