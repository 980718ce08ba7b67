import { describe, expect, it } from "vitest";
import {
  type DigestSettings,
  digestDue,
  localMoment,
  parseDigestDays,
  zoneOf,
} from "../../src/domain/digest/schedule.ts";

const at = (iso: string) => new Date(iso);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function settings(overrides: Partial<DigestSettings> = {}): DigestSettings {
  return {
    timeZone: "Europe/Paris",
    timeZoneOverride: null,
    digestTime: null,
    digestDays: [],
    digestPausedUntil: null,
    ...overrides,
  };
}

describe("when a CSM's morning digest is due", () => {
  it("comes at 08:30 local time on a weekday, and stays due for the rest of that local day", () => {
    // Monday 7 December 2026: Paris is UTC+1.
    expect(digestDue(settings(), at("2026-12-07T07:29:00Z"))).toMatchObject({ due: false, why: "not yet" });
    expect(digestDue(settings(), at("2026-12-07T07:30:00Z"))).toEqual({
      due: true,
      localDate: day("2026-12-07"),
    });
    expect(digestDue(settings(), at("2026-12-07T22:59:00Z"))).toMatchObject({ due: true });
  });

  it("skips weekends by default, and follows the person's own working days", () => {
    const saturday = at("2026-12-12T09:00:00Z");
    expect(digestDue(settings(), saturday)).toMatchObject({ due: false, why: "not a working day" });
    // Sunday to Thursday, as in much of the Middle East.
    const sundayToThursday = settings({
      timeZone: "Asia/Dubai",
      digestDays: parseDigestDays("sun-thu") ?? [],
    });
    expect(digestDue(sundayToThursday, at("2026-12-13T06:00:00Z"))).toMatchObject({ due: true });
    expect(digestDue(sundayToThursday, at("2026-12-11T06:00:00Z"))).toMatchObject({ due: false });
  });

  it("reads the local date on both sides of the date line", () => {
    // 20:00 UTC on Sunday the 6th is Monday 09:00 in Auckland (UTC+13) and Sunday 10:00 in Honolulu (UTC-10).
    const now = at("2026-12-06T20:00:00Z");
    expect(localMoment(now, "Pacific/Auckland").localDate).toEqual(day("2026-12-07"));
    expect(digestDue(settings({ timeZone: "Pacific/Auckland" }), now)).toEqual({
      due: true,
      localDate: day("2026-12-07"),
    });
    expect(localMoment(now, "Pacific/Honolulu").localDate).toEqual(day("2026-12-06"));
    expect(digestDue(settings({ timeZone: "Pacific/Honolulu" }), now)).toMatchObject({
      due: false,
      why: "not a working day",
    });
    // Kiritimati (UTC+14) is already on Tuesday when Midway (UTC-11) is still on Monday.
    const late = at("2026-12-07T12:00:00Z");
    expect(localMoment(late, "Pacific/Kiritimati").localDate).toEqual(day("2026-12-08"));
    expect(localMoment(late, "Pacific/Midway").localDate).toEqual(day("2026-12-07"));
  });

  it("keeps 08:30 local across a daylight-saving change", () => {
    const newYork = settings({ timeZone: "America/New_York" });
    // Friday 6 March 2026 is EST (UTC-5); Monday 9 March is EDT (UTC-4), after the change on the 8th.
    expect(digestDue(newYork, at("2026-03-06T13:29:00Z"))).toMatchObject({ due: false });
    expect(digestDue(newYork, at("2026-03-06T13:30:00Z"))).toMatchObject({ due: true });
    expect(digestDue(newYork, at("2026-03-09T12:29:00Z"))).toMatchObject({ due: false });
    expect(digestDue(newYork, at("2026-03-09T12:30:00Z"))).toMatchObject({ due: true });
  });

  it("takes the person's own time and zone over Slack's, and pauses for a holiday", () => {
    const own = settings({ timeZoneOverride: "Asia/Tokyo", digestTime: "07:00" });
    expect(zoneOf(own)).toBe("Asia/Tokyo");
    expect(digestDue(own, at("2026-12-06T22:00:00Z"))).toEqual({ due: true, localDate: day("2026-12-07") });
    const away = settings({ digestPausedUntil: day("2026-12-08") });
    expect(digestDue(away, at("2026-12-08T09:00:00Z"))).toMatchObject({ due: false, why: "paused" });
    expect(digestDue(away, at("2026-12-09T09:00:00Z"))).toMatchObject({ due: true });
  });

  it("falls back to UTC for a zone nobody set or Slack does not know", () => {
    expect(zoneOf(settings({ timeZone: null }))).toBe("UTC");
    expect(zoneOf(settings({ timeZone: "Mars/Olympus_Mons" }))).toBe("UTC");
  });

  it("reads working days the way people write them", () => {
    expect(parseDigestDays("mon-fri")).toEqual([1, 2, 3, 4, 5]);
    expect(parseDigestDays("Mon, Wed, Fri")).toEqual([1, 3, 5]);
    expect(parseDigestDays("sat-mon")).toEqual([1, 6, 7]);
    expect(parseDigestDays("weekdays")).toBeNull();
    expect(parseDigestDays("")).toBeNull();
  });
});
